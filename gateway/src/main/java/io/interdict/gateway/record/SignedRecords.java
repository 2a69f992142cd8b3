package io.interdict.gateway.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.jose.DetachedJws;
import io.interdict.audit.jose.Signer;
import io.interdict.audit.record.Envelope;
import io.interdict.audit.record.SignedRecord;
import io.interdict.gateway.axon.EventStoreJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Signed records (PRODUCT.md §4) from events: the envelope an event is signed under, and the
 * record rebuilt from a stored event row. Both sides use the event store's own JSON mapping, so the
 * envelope rebuilt from the stored bytes is byte for byte the one that was signed — and an edit of
 * any stored byte breaks the signature.
 */
@Component
public class SignedRecords {

    /** Metadata key of the gateway's detached JWS over the record's envelope. */
    public static final String GATEWAY_SIGNATURE = "gatewaySignature";

    /** Metadata key of the acting partner for events whose payload carries no {@code actor}. */
    public static final String ACTOR = "actor";

    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number,"
            + " payload_type, time_stamp, payload, meta_data";

    /** {@link #COLUMNS} qualified with a table alias, for joins. */
    public static String prefixedColumns(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(","))
                .map(column -> alias + "." + column.trim())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private final ObjectMapper storeMapper;
    private final JdbcTemplate jdbc;
    private final RowMapper<SignedRecord> rowMapper = this::fromRow;

    /** PRODUCT.md §5: a signed record, once in the log, reports its leafIndex. */
    private final RowMapper<SignedRecord> withLeafIndex = (row, n) -> {
        SignedRecord record = fromRow(row, n);
        long leaf = row.getLong("leaf_index");
        return row.wasNull() ? record : record.withLeafIndex(leaf);
    };

    public SignedRecords(JdbcTemplate jdbc) {
        this.storeMapper = EventStoreJson.newMapper();
        this.jdbc = jdbc;
    }

    /** The gateway signature of an event about to be stored. */
    String sign(EventMessage<?> message, Signer signer) {
        ObjectNode payload = storeMapper.valueToTree(message.getPayload());
        String aggregateId = message instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null
                ? domain.getAggregateIdentifier()
                : message.getIdentifier();
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        Envelope envelope = Envelope.of(
                message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                aggregateId,
                sequence,
                actor(payload, message.getMetaData().get(ACTOR)),
                message.getTimestamp(),
                payload,
                submitterSignature(payload));
        return DetachedJws.sign(envelope.canonicalBytes(), signer);
    }

    /** Every record of one aggregate, in sequence order. */
    public List<SignedRecord> ofAggregate(String aggregateId) {
        return jdbc.query(
                "select " + prefixedColumns("e") + ", l.leaf_index from domain_event_entry e"
                        + " left join merkle_leaf l on l.global_index = e.global_index"
                        + " where e.aggregate_identifier = ? order by e.sequence_number",
                withLeafIndex,
                aggregateId);
    }

    /** The record as stored, without its leaf index (what a write answers, and answers again on retry). */
    public Optional<SignedRecord> find(String aggregateId, long sequence) {
        return jdbc
                .query(
                        "select " + COLUMNS
                                + " from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                        rowMapper,
                        aggregateId,
                        sequence)
                .stream()
                .findFirst();
    }

    /** The record with its leaf index once the Merkle log holds it (what a read answers). */
    public Optional<SignedRecord> findInLog(String aggregateId, long sequence) {
        return jdbc
                .query(
                        "select " + prefixedColumns("e") + ", l.leaf_index from domain_event_entry e"
                                + " left join merkle_leaf l on l.global_index = e.global_index"
                                + " where e.aggregate_identifier = ? and e.sequence_number = ?",
                        withLeafIndex,
                        aggregateId,
                        sequence)
                .stream()
                .findFirst();
    }

    /**
     * The latest record of one aggregate. Read after a command inside the command's transaction, it
     * is the event that command produced: a concurrent command on the same aggregate would need the
     * same sequence number, which the event store's unique index keeps for this transaction.
     */
    public Optional<SignedRecord> latest(String aggregateId) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from domain_event_entry where aggregate_identifier = ?"
                                + " order by sequence_number desc limit 1",
                        rowMapper,
                        aggregateId)
                .stream()
                .findFirst();
    }

    /** Rebuilds a signed record from a {@code domain_event_entry} row selected with {@link #COLUMNS}. */
    public SignedRecord fromRow(ResultSet row, int rowNumber) throws SQLException {
        return rebuild(
                row.getString("event_identifier"),
                row.getString("payload_type"),
                row.getString("aggregate_identifier"),
                row.getLong("sequence_number"),
                row.getString("time_stamp"),
                row.getBytes("payload"),
                row.getBytes("meta_data"));
    }

    public SignedRecord rebuild(
            String eventIdentifier,
            String payloadType,
            String aggregateId,
            long sequence,
            String timeStamp,
            byte[] payloadBytes,
            byte[] metaDataBytes) {
        try {
            JsonNode payload = storeMapper.readTree(payloadBytes);
            JsonNode metaData =
                    metaDataBytes == null ? storeMapper.createObjectNode() : storeMapper.readTree(metaDataBytes);
            String simpleType = payloadType.substring(payloadType.lastIndexOf('.') + 1);
            String metaActor =
                    metaData.path(ACTOR).isTextual() ? metaData.get(ACTOR).asText() : null;
            Envelope envelope = Envelope.of(
                    eventIdentifier,
                    simpleType.substring(simpleType.lastIndexOf('$') + 1),
                    aggregateId,
                    sequence,
                    actor(payload, metaActor),
                    Instant.parse(timeStamp),
                    payload,
                    submitterSignature(payload));
            String gatewaySignature = metaData.path(GATEWAY_SIGNATURE).asText(null);
            return new SignedRecord(
                    envelope.recordId(),
                    envelope.recordType(),
                    envelope.aggregateId(),
                    envelope.aggregateSequence(),
                    envelope.partner(),
                    envelope.recordedAt(),
                    envelope.payload(),
                    envelope.submitterSignature(),
                    gatewaySignature,
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException("stored event " + eventIdentifier + " is not readable JSON", e);
        }
    }

    private static String actor(JsonNode payload, Object metaActor) {
        if (payload.path("actor").isTextual()) {
            return payload.get("actor").asText();
        }
        return metaActor instanceof String text ? text : "gateway";
    }

    private static String submitterSignature(JsonNode payload) {
        JsonNode signature = payload.path("submitterSignature");
        return signature.isTextual() && !signature.asText().isEmpty() ? signature.asText() : null;
    }
}
