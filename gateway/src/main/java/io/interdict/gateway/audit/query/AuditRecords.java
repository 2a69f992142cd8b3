package io.interdict.gateway.audit.query;

import io.interdict.audit.record.SignedRecord;
import io.interdict.domain.access.RecordsRead;
import io.interdict.gateway.audit.TimedEvent;
import io.interdict.gateway.record.SignedRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the event store and the Merkle log for the auditor endpoints (PRODUCT.md §6). */
@Component
public class AuditRecords {

    private static final String RECORDS_READ = RecordsRead.class.getName();

    /** Where a record (or, when named by its aggregate id, an aggregate's first record) sits. */
    public record RecordRef(String recordId, String aggregateId, String recordType, Instant recordedAt) {}

    /** How a partner came to hold a record. */
    public enum AccessKind {
        /**
         * The partner caused the record: its write was answered with it (or it was recorded on its
         * behalf). The record itself is the evidence, signed with its partner and instant.
         */
        AUTHOR,
        /** The record was handed out in a response, logged by a {@code RecordsRead} event. */
        READ
    }

    /**
     * One access to a record.
     *
     * @param recordId the record that was read
     * @param accessRecordId the signed record that proves the access: the {@code RecordsRead} record
     *     of a read, the record itself for its author
     */
    public record AccessEntry(
            String recordId, String reader, Instant readAt, String request, String accessRecordId, AccessKind kind) {}

    private final JdbcTemplate jdbc;
    private final SignedRecords records;
    private final EventStore eventStore;

    AuditRecords(JdbcTemplate jdbc, SignedRecords records, EventStore eventStore) {
        this.jdbc = jdbc;
        this.records = records;
        this.eventStore = eventStore;
    }

    /**
     * Up to {@code limit} signed records after leaf {@code afterLeaf}, in log order, each with its
     * leaf index. Only records already in the log: one that is not yet appended comes in a later page.
     */
    public List<SignedRecord> page(long afterLeaf, int limit) {
        return jdbc.query(
                "select l.leaf_index, " + SignedRecords.prefixedColumns("e")
                        + " from merkle_leaf l join domain_event_entry e on e.global_index = l.global_index"
                        + " where l.leaf_index > ? order by l.leaf_index limit ?",
                (row, n) -> records.fromRow(row, n).withLeafIndex(row.getLong("leaf_index")),
                afterLeaf,
                limit);
    }

    /** A page in the event store's global order, and the global index to pass as {@code after} next. */
    public record GlobalPage(List<SignedRecord> records, long next) {}

    /**
     * Up to {@code limit} signed records with a global index above {@code afterGlobalIndex}, in
     * global-index order (PRODUCT.md §6, {@code /audit/events?after={globalIndex}}), and only from
     * the settled prefix of the store, so that a later page never turns up a record below a cursor
     * already handed out. The global index has gaps that can fill late: a transaction that took
     * index g may commit after one that took g + 1. Settled is (a) at or below the highest global
     * index among leaves appended more than {@code gapHorizon} ago — every event transaction is
     * shorter than that (ADR 0004), so any event below such a leaf has committed by now — and (b)
     * below the first committed event the Merkle log has not appended yet. Records therefore appear
     * here about {@code gapHorizon} after they are logged; the leaf-index cursor of {@link #page}
     * has no such delay.
     */
    public GlobalPage pageByGlobalIndex(long afterGlobalIndex, int limit, Duration gapHorizon) {
        record Row(long globalIndex, SignedRecord record) {}
        List<Row> rows = jdbc.query(
                "select l.leaf_index, " + SignedRecords.prefixedColumns("e")
                        + " from domain_event_entry e left join merkle_leaf l on l.global_index = e.global_index"
                        + " where e.global_index > ? and e.global_index <= (select coalesce(max(s.global_index), -1)"
                        + " from merkle_leaf s where s.appended_at < now() - make_interval(secs => ?))"
                        + " order by e.global_index limit ?",
                (row, n) -> new Row(row.getLong("global_index"), withLeafIndex(row, n)),
                afterGlobalIndex,
                gapHorizon.toNanos() / 1e9,
                limit);
        List<SignedRecord> page = new ArrayList<>(rows.size());
        long next = afterGlobalIndex;
        for (Row row : rows) {
            if (row.record().leafIndex() == null) {
                break; // not appended yet: this page ends here, and a later one starts at it
            }
            page.add(row.record());
            next = row.globalIndex();
        }
        return new GlobalPage(List.copyOf(page), next);
    }

    /** Every record of one aggregate, in sequence order, with its leaf index once in the log. */
    public List<SignedRecord> history(String aggregateId) {
        return jdbc.query(
                "select l.leaf_index, " + SignedRecords.prefixedColumns("e")
                        + " from domain_event_entry e left join merkle_leaf l on l.global_index = e.global_index"
                        + " where e.aggregate_identifier = ? order by e.sequence_number",
                this::withLeafIndex,
                aggregateId);
    }

    /** The record with this recordId, or else the first record of the aggregate with this id. */
    public Optional<RecordRef> locate(String recordOrAggregateId) {
        String columns = "select event_identifier, aggregate_identifier, payload_type, time_stamp"
                + " from domain_event_entry where ";
        List<RecordRef> found = jdbc.query(columns + "event_identifier = ?", this::ref, recordOrAggregateId);
        if (found.isEmpty()) {
            found = jdbc.query(
                    columns + "aggregate_identifier = ? order by sequence_number limit 1",
                    (row, n) -> {
                        RecordRef first = ref(row, n);
                        return new RecordRef(null, first.aggregateId(), first.recordType(), first.recordedAt());
                    },
                    recordOrAggregateId);
        }
        return found.stream().findFirst();
    }

    /** The recordIds of every record of an aggregate. */
    public List<String> recordIdsOf(String aggregateId) {
        return jdbc.queryForList(
                "select event_identifier from domain_event_entry where aggregate_identifier = ?"
                        + " order by sequence_number",
                String.class,
                aggregateId);
    }

    /**
     * Every access to any of {@code recordIds}, in time order: each record's author when it was
     * recorded (a write is answered with the record it caused, so the author holds it from that
     * instant; logging those answers again as reads would only restate the record), then every
     * read. A jsonb scan of the access events
     * (ARCHITECTURE.md, "The auditor API": why no projection yet).
     */
    public List<AccessEntry> reads(Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return List.of();
        }
        List<AccessEntry> entries = new ArrayList<>(jdbc.query(
                "select " + SignedRecords.prefixedColumns("e") + " from domain_event_entry e"
                        + " where e.event_identifier = any (?) order by e.global_index",
                statement -> statement.setArray(
                        1, statement.getConnection().createArrayOf("varchar", recordIds.toArray(String[]::new))),
                (row, n) -> {
                    SignedRecord record = records.fromRow(row, n);
                    return new AccessEntry(
                            record.recordId(),
                            record.partner(),
                            Instant.parse(record.recordedAt()),
                            "recorded " + record.recordType(),
                            record.recordId(),
                            AccessKind.AUTHOR);
                }));
        entries.addAll(jdbc.query(
                "select r.record_id, j.p ->> 'reader' as reader, j.p ->> 'occurredAt' as read_at,"
                        + " j.p ->> 'request' as request, e.event_identifier, e.global_index"
                        + " from domain_event_entry e"
                        + " cross join lateral (select convert_from(e.payload, 'UTF8')::jsonb as p) j"
                        + " cross join lateral jsonb_array_elements_text(j.p -> 'recordIds') as r(record_id)"
                        + " where e.payload_type = ? and r.record_id = any (?)"
                        + " order by e.global_index",
                statement -> {
                    statement.setString(1, RECORDS_READ);
                    statement.setArray(
                            2, statement.getConnection().createArrayOf("varchar", recordIds.toArray(String[]::new)));
                },
                (row, n) -> new AccessEntry(
                        row.getString("record_id"),
                        row.getString("reader"),
                        Instant.parse(row.getString("read_at")),
                        row.getString("request"),
                        row.getString("event_identifier"),
                        AccessKind.READ)));
        // Stable: equal instants keep the event store's order.
        entries.sort(Comparator.comparing(AccessEntry::readAt));
        return entries;
    }

    /** The ids of every partner ever enrolled. */
    public List<String> partnerIds() {
        return jdbc.queryForList(
                "select aggregate_identifier from domain_event_entry where payload_type = ?"
                        + " order by aggregate_identifier",
                String.class,
                io.interdict.domain.partner.PartnerEnrolled.class.getName());
    }

    /** The investigations with an {@code EvidenceLinked} event naming {@code shareId}, at any time. */
    public List<String> investigationsLinking(String shareId) {
        return jdbc.queryForList(
                "select distinct e.aggregate_identifier from domain_event_entry e"
                        + " cross join lateral jsonb_array_elements_text("
                        + "convert_from(e.payload, 'UTF8')::jsonb -> 'shareIds') as s(share_id)"
                        + " where e.payload_type = ? and s.share_id = ? order by 1",
                String.class,
                io.interdict.domain.investigation.EvidenceLinked.class.getName(),
                shareId);
    }

    /**
     * Every event of an aggregate from sequence 0 (never from a snapshot), typed through Axon's
     * serializer and upcasters, with the instant it was recorded.
     */
    public List<TimedEvent> events(String aggregateId) {
        List<TimedEvent> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            events.add(new TimedEvent(message.getIdentifier(), message.getTimestamp(), message.getPayload()));
        }
        return events;
    }

    private SignedRecord withLeafIndex(ResultSet row, int n) throws SQLException {
        SignedRecord record = records.fromRow(row, n);
        long leaf = row.getLong("leaf_index");
        return row.wasNull() ? record : record.withLeafIndex(leaf);
    }

    private RecordRef ref(ResultSet row, int n) throws SQLException {
        String payloadType = row.getString("payload_type");
        String simple = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return new RecordRef(
                row.getString("event_identifier"),
                row.getString("aggregate_identifier"),
                simple.substring(simple.lastIndexOf('$') + 1),
                Instant.parse(row.getString("time_stamp")));
    }
}
