package io.interdict.gateway.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Timestamps;
import io.interdict.audit.jose.DetachedJws;
import io.interdict.audit.jose.Signer;
import io.interdict.audit.record.Envelope;
import io.interdict.audit.record.InvalidRecordException;
import io.interdict.audit.record.SignedRecord;
import io.interdict.gateway.axon.EventStoreJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
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
        Object metaActor = message.getMetaData().get(ACTOR);
        PayloadFacts facts;
        try {
            facts = PayloadFacts.of(storeMapper.treeAsTokens(payload), metaActor instanceof String text ? text : null);
        } catch (IOException e) {
            throw new UncheckedIOException("payload of " + message.getIdentifier() + " cannot be read", e);
        }
        Envelope envelope = Envelope.of(
                message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                aggregateId,
                sequence,
                facts.actor(),
                message.getTimestamp(),
                payload,
                facts.submitterSignature());
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
        return stored(
                        eventIdentifier,
                        payloadType,
                        aggregateId,
                        sequence,
                        timeStamp,
                        new String(payloadBytes, StandardCharsets.UTF_8),
                        metaDataBytes == null ? null : new String(metaDataBytes, StandardCharsets.UTF_8),
                        null)
                .toSignedRecord(storeMapper);
    }

    /**
     * {@link #COLUMNS} with the payload and metadata as text ({@code payload_text},
     * {@code meta_data_text}), qualified with a table alias: what {@link #storedFromRow} reads.
     * PostgreSQL sends text as is, where bytea travels hex-encoded at twice the size.
     */
    public static String storedColumns(String alias) {
        return alias + ".global_index, " + alias + ".event_identifier, " + alias + ".aggregate_identifier, "
                + alias + ".sequence_number, " + alias + ".payload_type, " + alias + ".time_stamp, "
                + "convert_from(" + alias + ".payload, 'UTF8') as payload_text, "
                + "convert_from(" + alias + ".meta_data, 'UTF8') as meta_data_text";
    }

    /** The record of a row selected with {@link #storedColumns}, its payload left as text. */
    public StoredRecord storedFromRow(ResultSet row, Long leafIndex) throws SQLException {
        return stored(
                row.getString("event_identifier"),
                row.getString("payload_type"),
                row.getString("aggregate_identifier"),
                row.getLong("sequence_number"),
                row.getString("time_stamp"),
                row.getString("payload_text"),
                row.getString("meta_data_text"),
                leafIndex);
    }

    /**
     * The one derivation of a signed record's members from a stored event, by the rules
     * {@link #sign} signed with, checked as {@link SignedRecord} checks them.
     */
    StoredRecord stored(
            String eventIdentifier,
            String payloadType,
            String aggregateId,
            long sequence,
            String timeStamp,
            String payloadJson,
            String metaDataJson,
            Long leafIndex) {
        try {
            String metaActor = null;
            String gatewaySignature = null;
            if (metaDataJson != null) {
                Map<String, String> meta = PayloadFacts.topLevelStrings(
                        storeMapper.getFactory().createParser(metaDataJson), ACTOR, GATEWAY_SIGNATURE);
                metaActor = meta.get(ACTOR);
                gatewaySignature = meta.get(GATEWAY_SIGNATURE);
            }
            PayloadFacts facts = PayloadFacts.of(storeMapper.getFactory().createParser(payloadJson), metaActor);
            String simpleType = payloadType.substring(payloadType.lastIndexOf('.') + 1);
            String recordedAt;
            try {
                recordedAt = Timestamps.fromIsoInstant(timeStamp);
            } catch (DateTimeParseException e) {
                throw new InvalidRecordException("recordedAt: " + e.getMessage());
            }
            requireText("recordId", eventIdentifier);
            requireText("aggregateId", aggregateId);
            requireText("partner", facts.actor());
            requireText("gatewaySignature", gatewaySignature);
            if (sequence < 0) {
                throw new InvalidRecordException("expected aggregateSequence >= 0, found " + sequence);
            }
            if (leafIndex != null && leafIndex < 0) {
                throw new InvalidRecordException("expected leafIndex >= 0, found " + leafIndex);
            }
            return new StoredRecord(
                    eventIdentifier,
                    simpleType.substring(simpleType.lastIndexOf('$') + 1),
                    aggregateId,
                    sequence,
                    facts.actor(),
                    recordedAt,
                    payloadJson,
                    facts.submitterSignature(),
                    gatewaySignature,
                    leafIndex);
        } catch (IOException e) {
            throw new UncheckedIOException("stored event " + eventIdentifier + " is not readable JSON", e);
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidRecordException("expected " + field + " to be a non-empty string, found "
                    + (value == null ? "nothing" : "an empty string"));
        }
    }
}
