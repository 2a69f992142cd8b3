package io.interdict.gateway.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.Probes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

class GapSplitEventStorageEngineIT extends GatewayIntegrationTest {

    /** Axon 4.13's own fetch across gaps, word for word (JpaEventStorageEngine#fetchEvents). */
    private static final String AXON_SINGLE_QUERY = "SELECT e.globalIndex, e.type, e.aggregateIdentifier,"
            + " e.sequenceNumber, e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload,"
            + " e.metaData FROM DomainEventEntry e WHERE e.globalIndex > :token OR e.globalIndex IN :gaps"
            + " ORDER BY e.globalIndex ASC";

    /** BatchingEventStorageEngine's default, which AxonConfiguration keeps. */
    private static final int BATCH_SIZE = 100;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    EventStore eventStore;

    @Autowired
    EntityManagerProvider entityManagers;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEventStoreFetchesAcrossGapsWithTheSplitQueries() {
        assertThat(storageEngine).isInstanceOf(GapSplitEventStorageEngine.class);
    }

    @Test
    void aFetchAcrossGapsReturnsExactlyWhatAxonsSingleQueryReturns() {
        IntStream.range(0, 250).forEach(i -> Probes.append(eventStore, transactions, "gap split " + i));
        long lowest = jdbc.queryForObject("select min(global_index) from domain_event_entry", Long.class);
        long highest = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        GapSplitEventStorageEngine engine = (GapSplitEventStorageEngine) storageEngine;
        TransactionTemplate oneSnapshot = new TransactionTemplate(transactions);
        oneSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        oneSnapshot.setReadOnly(true);
        Random random = new Random(20261130);
        int nonEmpty = 0;
        int fullFromGapsAlone = 0;
        for (int round = 0; round < 300; round++) {
            long index = lowest - 3 + (long) random.nextInt((int) (highest - lowest + 8));
            TreeSet<Long> gaps = new TreeSet<>();
            int gapCount = 1 + random.nextInt(round % 10 == 0 ? 400 : 40);
            for (int g = 0; g < gapCount; g++) {
                // Below the index, as in every GapAwareTrackingToken; some land on stored events,
                // some on indexes no event has.
                gaps.add(index - 1 - random.nextInt(600));
            }
            GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(index, gaps);
            List<List<Object>> split = oneSnapshot.execute(status -> rows(engine.fetchEvents(token)));
            List<List<Object>> single = oneSnapshot.execute(status -> rows(entityManagers
                    .getEntityManager()
                    .createQuery(AXON_SINGLE_QUERY, Object[].class)
                    .setParameter("token", token.getIndex())
                    .setParameter("gaps", token.getGaps())
                    .setMaxResults(BATCH_SIZE)
                    .getResultList()));
            assertThat(split).as("token %s", token).isEqualTo(single);
            nonEmpty += split.isEmpty() ? 0 : 1;
            fullFromGapsAlone += split.size() == BATCH_SIZE
                            && (Long) split.get(split.size() - 1).get(0) <= index
                    ? 1
                    : 0;
        }
        // The comparison meant something: most fetches found events, and some were filled by the
        // gaps alone (the second query skipped).
        assertThat(nonEmpty).isGreaterThan(200);
        assertThat(fullFromGapsAlone).isPositive();
    }

    /** Rows as lists, so that byte arrays compare by content. */
    private static List<List<Object>> rows(List<Object[]> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] row : rows) {
            List<Object> columns = new ArrayList<>();
            for (Object column : row) {
                columns.add(column instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : column);
            }
            out.add(columns);
        }
        return out;
    }
}
