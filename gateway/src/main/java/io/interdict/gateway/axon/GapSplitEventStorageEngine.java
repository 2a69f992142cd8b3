package io.interdict.gateway.axon;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

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
 * at the gaps, in order, followed by the first rows above the index: two range queries on the
 * primary key, which is what this engine asks, in the same transaction. A gap that commits between
 * the two is still a gap in the token and is read by the next fetch, exactly as if it had
 * committed just after the single query. Tokens, gap bookkeeping and everything else stay Axon's.
 */
class GapSplitEventStorageEngine extends JpaEventStorageEngine {

    private static final String COLUMNS = "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber,"
            + " e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData FROM ";

    GapSplitEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        if (token == null || token.getGaps().isEmpty()) {
            return super.fetchEvents(token);
        }
        int batchSize = batchSize();
        List<Object[]> rows = new ArrayList<>(entityManager()
                .createQuery(
                        COLUMNS + domainEventEntryEntityName() + " e WHERE e.globalIndex IN :gaps"
                                + " ORDER BY e.globalIndex ASC",
                        Object[].class)
                .setParameter("gaps", token.getGaps())
                .setMaxResults(batchSize)
                .getResultList());
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
}
