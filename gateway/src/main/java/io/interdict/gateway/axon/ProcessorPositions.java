package io.interdict.gateway.axon;

import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far an event processor has got, read from the shared token store (so it holds across nodes):
 * the highest global index up to which every event has been handled by every segment. Readers use
 * it to avoid serving a record whose read-model row is not written yet.
 */
@Component
public class ProcessorPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    ProcessorPositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Every event with a global index ≤ the answer has been handled; -1 when nothing is known. */
    public long handledThrough(String processorName) {
        List<Long> positions = jdbc.query(
                "select token, token_type from token_entry where processor_name = ?",
                (row, n) -> handledThrough(row.getBytes(1), row.getString(2)),
                processorName);
        return positions.isEmpty()
                ? -1
                : positions.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private long handledThrough(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return -1;
        }
        TrackingToken tracking = serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(tokenType, null)));
        TrackingToken lower = WrappedToken.unwrapLowerBound(tracking);
        if (lower instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getGaps().isEmpty()
                    ? gapAware.getIndex()
                    : gapAware.getGaps().first() - 1;
        }
        OptionalLong position = lower == null ? OptionalLong.empty() : lower.position();
        return position.orElse(-1);
    }
}
