package io.interdict.gateway.axon;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.hibernate.Session;

/**
 * Axon's JPA event storage engine, with its one query that cannot scale on PostgreSQL asked as two
 * that can.
 *
 * <p>An event processor whose token has gaps (global indexes handed out to transactions that had
 * not committed when the processor read past them, which is every few events while several
 * requests append at once) fetches its next batch with {@code WHERE globalIndex > :token OR
 * globalIndex IN :gaps ORDER BY globalIndex LIMIT n}. PostgreSQL answers the {@code OR} by walking
 * the primary key from the start of the log and filtering, whenever it plans the statement
 * generically (a server-prepared statement after a few executions) or has no statistics for the
 * table: measured at 55 ms per fetch over 22,000 events, growing with the log, times four
 * processors polling, which was a third of PostgreSQL's CPU during a push benchmark
 * (BENCHMARKS.md, session 4).
 *
 * <p>Every gap lies below the token's index, so the {@code OR}'s first {@code n} rows are the rows
 * at the gaps, in order, followed by the first rows above the index: two queries on the primary
 * key (the gaps as one array, then the range above the index), which is what this engine asks, in
 * the same transaction. A gap that commits between
 * the two is still a gap in the token and is read by the next fetch, exactly as if it had
 * committed just after the single query. Tokens, gap bookkeeping and everything else stay Axon's.
 */
class GapSplitEventStorageEngine extends JpaEventStorageEngine {

    private static final String COLUMNS = "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber,"
            + " e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData FROM ";

    private static final String GAP_ROWS = "select global_index, type, aggregate_identifier, sequence_number,"
            + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data"
            + " from domain_event_entry where global_index = any (?) order by global_index limit ?";

    GapSplitEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        if (token == null || token.getGaps().isEmpty()) {
            return super.fetchEvents(token);
        }
        int batchSize = batchSize();
        List<Object[]> rows = gapRows(token.getGaps(), batchSize);
        if (rows.size() < batchSize) {
            rows.addAll(entityManager()
                    .createQuery(
                            COLUMNS + domainEventEntryEntityName() + " e WHERE e.globalIndex > :token"
                                    + " ORDER BY e.globalIndex ASC",
                            Object[].class)
                    .setParameter("token", token.getIndex())
                    .setMaxResults(batchSize - rows.size())
                    .getResultList());
        }
        return rows;
    }

    /**
     * The rows at the token's gaps, in order: asked in plain JDBC on the transaction's connection
     * with the gaps as one array parameter. As a JPQL {@code IN :gaps}, Hibernate translated the
     * statement again for every fetch (a list parameter expands to as many placeholders as it has
     * values), which was most of the event store's reading thread under load (BENCHMARKS.md,
     * session 8). The columns are the JPQL query's, in its order and with its Java types.
     */
    private List<Object[]> gapRows(SortedSet<Long> gaps, int limit) {
        return entityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(GAP_ROWS)) {
                statement.setArray(1, connection.createArrayOf("bigint", gaps.toArray()));
                statement.setInt(2, limit);
                try (ResultSet row = statement.executeQuery()) {
                    List<Object[]> rows = new ArrayList<>();
                    while (row.next()) {
                        rows.add(new Object[] {
                            row.getLong(1),
                            row.getString(2),
                            row.getString(3),
                            row.getLong(4),
                            row.getString(5),
                            row.getString(6),
                            row.getString(7),
                            row.getString(8),
                            row.getBytes(9),
                            row.getBytes(10)
                        });
                    }
                    return rows;
                }
            }
        });
    }
}
