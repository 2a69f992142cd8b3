package io.interdict.gateway.axon;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
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

    /**
     * What every segment of a processor has handled: every global index up to {@code index} except
     * the {@code gaps}, the indexes below it that some segment has not seen yet. A gap is an event
     * whose transaction had not committed when the segment went past it — or one that never will
     * (a rolled-back insert leaves its index unused; Axon keeps such a gap in the token until 250
     * gaps pile up or the index moves 10,000 past it). So "everything up to the first gap" would
     * stall on a rollback; asking about the indexes that exist does not.
     */
    public record Progress(long index, SortedSet<Long> gaps) {

        /** Whether the event at this global index has been handled by every segment. */
        public boolean handled(long globalIndex) {
            return globalIndex <= index && !gaps.contains(globalIndex);
        }
    }

    /** Where every segment of the processor stands; index -1 when nothing is known. */
    public Progress progress(String processorName) {
        List<TrackingToken> tokens = jdbc.query(
                "select token, token_type from token_entry where processor_name = ?",
                (row, n) -> lowerBound(row.getBytes(1), row.getString(2)),
                processorName);
        long index = Long.MAX_VALUE;
        SortedSet<Long> gaps = new TreeSet<>();
        for (TrackingToken token : tokens) {
            if (token instanceof GapAwareTrackingToken gapAware) {
                index = Math.min(index, gapAware.getIndex());
                gaps.addAll(gapAware.getGaps());
            } else {
                index = Math.min(index, token == null ? -1 : token.position().orElse(-1));
            }
        }
        long through = tokens.isEmpty() ? -1 : index;
        return new Progress(through, gaps.headSet(through + 1));
    }

    private TrackingToken lowerBound(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return null;
        }
        TrackingToken tracking = serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(tokenType, null)));
        return WrappedToken.unwrapLowerBound(tracking);
    }
}
