package io.interdict.gateway.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.merkle.ConsistencyProofs;
import io.interdict.audit.merkle.InclusionProofs;
import io.interdict.audit.merkle.MerkleHashes;
import io.interdict.config.LogSettings;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.JdkEd25519;
import io.interdict.gateway.support.ProbeRecorded;
import io.interdict.gateway.support.Probes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class MerkleLogIT extends GatewayIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    MerkleLogWriter writer;

    @Autowired
    LeafEncoder leafEncoder;

    @Autowired
    TreeHeadSigner signer;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MerkleLogStore store;

    @Autowired
    LeafIndexes leafIndexes;

    @Autowired
    MerkleLogScheduler scheduler;

    @Autowired
    Clock clock;

    @Test
    void appendedEventsBecomeLeavesWithGapFreeLeafIndexes() {
        List<String> probes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            probes.add(Probes.append(eventStore, transactions, "leaf " + i));
        }

        List<Long> leafIndexes = awaitLeaves(probes);

        assertThat(leafIndexes).doesNotHaveDuplicates().isSorted();
        assertTheLogIsGapFree();
        // The leaf hash is RFC 9162's hash of exactly what the encoder makes of the stored row.
        String probe = probes.get(0);
        StoredEvent stored = jdbc.queryForObject(
                "select * from domain_event_entry where aggregate_identifier = ?",
                (rs, row) -> new StoredEvent(
                        rs.getLong("global_index"),
                        rs.getString("event_identifier"),
                        rs.getString("aggregate_identifier"),
                        rs.getLong("sequence_number"),
                        rs.getString("type"),
                        rs.getString("payload_type"),
                        rs.getString("payload_revision"),
                        rs.getString("time_stamp"),
                        rs.getBytes("payload"),
                        rs.getBytes("meta_data")),
                probe);
        byte[] leafHash = jdbc.queryForObject(
                "select leaf_hash from merkle_leaf where global_index = ?", byte[].class, stored.globalIndex());
        assertThat(leafHash).isEqualTo(MerkleHashes.hashLeaf(leafEncoder.leafBytes(stored)));
    }

    @Test
    void anAppendedEventReportsItsLeafIndexAndOneNotInTheStoreHasNone() {
        String probe = Probes.append(eventStore, transactions, "leaf index");
        long leafIndex = awaitLeaves(List.of(probe)).get(0);
        long globalIndex = globalIndexOf(probe);
        String eventIdentifier = jdbc.queryForObject(
                "select event_identifier from domain_event_entry where global_index = ?", String.class, globalIndex);

        assertThat(leafIndexes.ofEvent(eventIdentifier)).hasValue(leafIndex);
        assertThat(leafIndexes.ofEvent("no-such-event")).isEmpty();
        assertThat(leafIndexes.ofGlobalIndexes(List.of(globalIndex, Long.MAX_VALUE)))
                .containsExactly(Map.entry(globalIndex, leafIndex));
    }

    @Test
    void theSignedRootEqualsAnIndependentRecomputationFromTheStoredLeafHashes() {
        long leafIndex = awaitLeaves(List.of(Probes.append(eventStore, transactions, "root")))
                .get(0);
        JsonNode head = awaitSignedHeadCovering(leafIndex);
        long treeSize = head.get("treeSize").asLong();

        List<byte[]> leafHashes = jdbc.queryForList(
                "select leaf_hash from merkle_leaf where leaf_index < ? order by leaf_index", byte[].class, treeSize);

        assertThat(leafHashes).hasSize((int) treeSize);
        assertThat(base64(head, "rootHash")).isEqualTo(rfc9162Mth(leafHashes));
        assertThat(signatureVerifies(head)).isTrue();
        // The stored head for that size is served by size, identically.
        JsonNode bySize = get("/api/v1/log/tree-head?treeSize=" + treeSize).getBody();
        assertThat(bySize).isEqualTo(head);
    }

    @Test
    void inclusionProofsFromTheEndpointVerifyAgainstTheSignedRoot() {
        long leafIndex = awaitLeaves(List.of(Probes.append(eventStore, transactions, "inclusion")))
                .get(0);
        JsonNode head = awaitSignedHeadCovering(leafIndex);
        long treeSize = head.get("treeSize").asLong();
        byte[] root = base64(head, "rootHash");

        for (long index : List.of(0L, treeSize / 2, leafIndex, treeSize - 1)) {
            JsonNode proof = get("/api/v1/log/proof/inclusion?index=" + index + "&treeSize=" + treeSize)
                    .getBody();
            JsonNode leaf = get("/api/v1/log/leaves/" + index).getBody();

            assertThat(proof.get("leafIndex").asLong()).isEqualTo(index);
            assertThat(proof.get("treeSize").asLong()).isEqualTo(treeSize);
            assertThat(leaf.get("leafIndex").asLong()).isEqualTo(index);
            List<byte[]> path = hashes(proof.get("auditPath"));
            byte[] leafHash = base64(leaf, "leafHash");
            assertThat(InclusionProofs.verify(index, treeSize, leafHash, path, root)
                            .verified())
                    .as("inclusion of leaf %d in tree %d", index, treeSize)
                    .isTrue();
            byte[] forgedRoot = root.clone();
            forgedRoot[0] ^= 1;
            assertThat(InclusionProofs.verify(index, treeSize, leafHash, path, forgedRoot)
                            .verified())
                    .isFalse();
        }
    }

    @Test
    void aConsistencyProofBetweenTwoSignedHeadsVerifiesAndAForgedHeadFails() {
        long before = awaitLeaves(List.of(Probes.append(eventStore, transactions, "before")))
                .get(0);
        JsonNode first = awaitSignedHeadCovering(before);
        long after = awaitLeaves(List.of(
                        Probes.append(eventStore, transactions, "after 1"),
                        Probes.append(eventStore, transactions, "after 2"),
                        Probes.append(eventStore, transactions, "after 3")))
                .get(2);
        JsonNode second = awaitSignedHeadCovering(after);
        long m = first.get("treeSize").asLong();
        long n = second.get("treeSize").asLong();
        assertThat(n).isGreaterThan(m);

        JsonNode proof =
                get("/api/v1/log/proof/consistency?first=" + m + "&second=" + n).getBody();

        assertThat(proof.get("first").asLong()).isEqualTo(m);
        assertThat(proof.get("second").asLong()).isEqualTo(n);
        List<byte[]> path = hashes(proof.get("consistencyPath"));
        byte[] firstRoot = base64(first, "rootHash");
        byte[] secondRoot = base64(second, "rootHash");
        assertThat(ConsistencyProofs.verify(m, n, firstRoot, secondRoot, path).verified())
                .isTrue();
        byte[] forgedSecond = secondRoot.clone();
        forgedSecond[31] ^= 1;
        assertThat(ConsistencyProofs.verify(m, n, firstRoot, forgedSecond, path).verified())
                .isFalse();
        byte[] forgedFirst = firstRoot.clone();
        forgedFirst[31] ^= 1;
        assertThat(ConsistencyProofs.verify(m, n, forgedFirst, secondRoot, path).verified())
                .isFalse();
        // A forged head keeps the size and signature but claims another root: the signature says no.
        assertThat(signatureVerifies(second)).isTrue();
        ((ObjectNode) second).put("rootHash", Base64.getEncoder().encodeToString(forgedSecond));
        assertThat(signatureVerifies(second)).isFalse();
    }

    @Test
    void anEventThatCommitsAfterLaterIndexesStillBecomesALeafExactlyOnce() throws Exception {
        String lateProbe = "late-" + System.nanoTime();
        List<String> overtaking;
        List<Long> overtakingLeaves;
        // Uncommitted, holding its global index, while later events commit and are appended.
        try (HeldEvent late = new HeldEvent(lateProbe)) {
            overtaking = List.of(
                    Probes.append(eventStore, transactions, "overtaking 1"),
                    Probes.append(eventStore, transactions, "overtaking 2"));
            overtakingLeaves = awaitLeaves(overtaking);
            assertThat(jdbc.queryForObject(
                            "select count(*) from domain_event_entry where aggregate_identifier = ?",
                            Long.class,
                            lateProbe))
                    .as("the late event is still uncommitted")
                    .isZero();
            late.commit();
        }

        long lateLeaf = awaitLeaves(List.of(lateProbe)).get(0);
        // It took its global index first, committed last, and became a leaf after the ones that overtook it.
        for (String probe : overtaking) {
            assertThat(globalIndexOf(lateProbe)).isLessThan(globalIndexOf(probe));
        }
        assertThat(lateLeaf)
                .isGreaterThan(overtakingLeaves.stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElseThrow());
        await().atMost(WAIT).untilAsserted(this::assertEveryEventIsALeafExactlyOnce);
    }

    @Test
    void twoWritersRacingNeitherDuplicateNorLoseLeaves() throws Exception {
        List<String> probes = new ArrayList<>();
        int writers = 2;
        CyclicBarrier start = new CyclicBarrier(writers + 1);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        List<Future<Integer>> rounds = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                // Each its own instance, as on two nodes, both racing the gateway's own writer.
                MerkleLogWriter writer = writerWithGapHorizon(Duration.ofMinutes(2));
                rounds.add(pool.submit(() -> {
                    start.await(20, TimeUnit.SECONDS);
                    int locked = 0;
                    for (int i = 0; i < 40; i++) {
                        if (writer.appendRound().lockObtained()) {
                            locked++;
                        }
                    }
                    return locked;
                }));
            }
            Future<List<String>> appender = pool.submit(() -> {
                start.await(20, TimeUnit.SECONDS);
                List<String> appended = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    appended.add(Probes.append(eventStore, transactions, "race " + i));
                }
                return appended;
            });
            probes.addAll(appender.get(60, TimeUnit.SECONDS));
            int lockedRounds = 0;
            for (Future<Integer> round : rounds) {
                lockedRounds += round.get(60, TimeUnit.SECONDS); // and none threw
            }
            assertThat(lockedRounds).isPositive();
        } finally {
            pool.shutdownNow();
        }

        assertThat(awaitLeaves(probes)).doesNotHaveDuplicates().hasSize(probes.size());
        await().atMost(WAIT).untilAsserted(this::assertEveryEventIsALeafExactlyOnce);
    }

    @Test
    void aFirstRoundThatReadsAFullBatchSetsTheWatermarkAtItsLastEventAndTheWindowGoesOnFromThere() {
        await().atMost(WAIT).untilAsserted(this::assertEveryEventIsALeafExactlyOnce);
        scheduler.stop();
        try {
            List<String> probes = List.of(
                    Probes.append(eventStore, transactions, "backlog 1"),
                    Probes.append(eventStore, transactions, "backlog 2"),
                    Probes.append(eventStore, transactions, "backlog 3"));
            MerkleLogWriter twoPerRound = writer(Duration.ofMinutes(2), 2);

            MerkleLogWriter.Round first = twoPerRound.appendRound();
            assertThat(first.lockObtained()).isTrue();
            assertThat(first.appended()).isEqualTo(2);
            assertThat(twoPerRound.watermark().orElseThrow().through()).isEqualTo(globalIndexOf(probes.get(1)));

            MerkleLogWriter.Round second = twoPerRound.appendRound();
            assertThat(second.appended()).isEqualTo(1);
            assertThat(twoPerRound.watermark().orElseThrow().through()).isEqualTo(globalIndexOf(probes.get(2)));
            assertThat(twoPerRound.appendRound().appended()).isZero();
            assertEveryEventIsALeafExactlyOnce();
        } finally {
            scheduler.start();
        }
    }

    @Test
    void aWriterKeepsAnUncommittedIndexPendingUntilItCommitsAndForgetsItOnlyAHorizonAfter() throws Exception {
        MerkleLogWriter hourHorizon = writerWithGapHorizon(Duration.ofHours(1));
        MerkleLogWriter zeroHorizon = writerWithGapHorizon(Duration.ZERO);
        // Before its first round a writer has no watermark: that round reads the whole store.
        assertThat(hourHorizon.watermark()).isEmpty();
        for (MerkleLogWriter writer : List.of(hourHorizon, zeroHorizon)) {
            await().atMost(WAIT).until(() -> {
                writer.appendRound();
                return writer.watermark().isPresent();
            });
        }
        String lateProbe = "pending-" + System.nanoTime();
        long heldIndex;
        try (HeldEvent late = new HeldEvent(lateProbe)) {
            heldIndex = late.globalIndex();
            String overtaking = Probes.append(eventStore, transactions, "overtakes the pending one");
            long overtakingIndex = globalIndexOf(overtaking);
            assertThat(overtakingIndex).isGreaterThan(heldIndex);
            for (MerkleLogWriter writer : List.of(hourHorizon, zeroHorizon)) {
                await().atMost(WAIT).until(() -> {
                    writer.appendRound();
                    return writer.watermark()
                            .map(mark -> mark.through() >= overtakingIndex)
                            .orElse(false);
                });
            }

            // Passed by the window while uncommitted: pending with the hour horizon, and kept.
            assertThat(hourHorizon.watermark().orElseThrow().pending()).containsKey(heldIndex);
            await().atMost(WAIT).until(() -> hourHorizon.appendRound().lockObtained());
            assertThat(hourHorizon.watermark().orElseThrow().pending()).containsKey(heldIndex);
            // With no horizon it is given up by the next round that does not see it.
            await().atMost(WAIT).until(() -> zeroHorizon.appendRound().lockObtained());
            assertThat(zeroHorizon.watermark().orElseThrow().pending()).doesNotContainKey(heldIndex);
            assertThat(jdbc.queryForObject(
                            "select count(*) from merkle_leaf where global_index = ?", Long.class, heldIndex))
                    .as("still uncommitted, so not a leaf")
                    .isZero();

            late.commit();
        }

        // Committed: whichever writer holds the lock appends it once; the pending writer sees it and lets go.
        awaitLeaves(List.of(lateProbe));
        await().atMost(WAIT).until(() -> {
            hourHorizon.appendRound();
            return !hourHorizon.watermark().orElseThrow().pending().containsKey(heldIndex);
        });
        await().atMost(WAIT).untilAsserted(this::assertEveryEventIsALeafExactlyOnce);
    }

    @Test
    void storedSubtreesAreTheLeafHashesAndTheirParentsAndAMissingOneIsAnError() {
        awaitLeaves(List.of(
                Probes.append(eventStore, transactions, "subtree 1"),
                Probes.append(eventStore, transactions, "subtree 2")));
        List<byte[]> firstTwo = jdbc.queryForList(
                "select leaf_hash from merkle_leaf where leaf_index < 2 order by leaf_index", byte[].class);

        assertThat(store.subtreeHashes().hash(0, 1)).isEqualTo(firstTwo.get(1));
        assertThat(store.subtreeHashes().hash(1, 0)).isEqualTo(rfc9162Mth(firstTwo));
        assertThatThrownBy(() -> store.subtreeHashes().hash(40, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no stored subtree at level 40, index 0");
    }

    @Test
    void theLogTablesRefuseUpdateDeleteAndTruncate() {
        awaitLeaves(List.of(
                Probes.append(eventStore, transactions, "immutable 1"),
                Probes.append(eventStore, transactions, "immutable 2")));
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject("select count(*) from tree_head", Long.class) > 0
                        && jdbc.queryForObject("select count(*) from merkle_node", Long.class) > 0);

        for (String table : List.of("merkle_leaf", "merkle_node", "tree_head")) {
            String column = switch (table) {
                case "merkle_leaf" -> "leaf_hash";
                case "merkle_node" -> "hash";
                default -> "root_hash";
            };
            assertThatThrownBy(() -> jdbc.update("update " + table + " set " + column + " = " + column))
                    .rootCause()
                    .hasMessageContaining("UPDATE on public." + table + " refused: the table is append-only");
            assertThatThrownBy(() -> jdbc.update("delete from " + table))
                    .rootCause()
                    .hasMessageContaining("DELETE on public." + table + " refused");
            assertThatThrownBy(() -> jdbc.execute("truncate " + table))
                    .rootCause()
                    .hasMessageContaining("TRUNCATE on public." + table + " refused");
        }
    }

    @Test
    void badProofRequestsGetAProblemNamingTheParameter() {
        long leafIndex = awaitLeaves(List.of(Probes.append(eventStore, transactions, "bad requests")))
                .get(0);
        long signed = awaitSignedHeadCovering(leafIndex).get("treeSize").asLong();

        assertProblem("/api/v1/log/proof/inclusion?treeSize=1", 400, "parameter 'index' is required");
        assertProblem(
                "/api/v1/log/proof/inclusion?index=x&treeSize=1", 400, "parameter 'index' must be a non-negative");
        assertProblem("/api/v1/log/proof/inclusion?index=-1&treeSize=1", 400, "parameter 'index' must be");
        assertProblem("/api/v1/log/proof/inclusion?index=0", 400, "parameter 'treeSize' is required");
        assertProblem(
                "/api/v1/log/proof/inclusion?index=0&treeSize=99999999999999999999",
                400,
                "parameter 'treeSize' must be");
        assertProblem(
                "/api/v1/log/proof/inclusion?index=0&treeSize=" + (Long.MAX_VALUE),
                400,
                "treeSize must not exceed the latest signed tree head's size");
        assertProblem(
                "/api/v1/log/proof/inclusion?index=" + signed + "&treeSize=" + signed,
                400,
                "index must be below treeSize");
        assertProblem("/api/v1/log/proof/consistency?second=2", 400, "parameter 'first' is required");
        assertProblem("/api/v1/log/proof/consistency?first=1", 400, "parameter 'second' is required");
        assertProblem("/api/v1/log/proof/consistency?first=0&second=1", 400, "first must be at least 1");
        assertProblem("/api/v1/log/proof/consistency?first=2&second=1", 400, "first must not exceed second");
        assertProblem(
                "/api/v1/log/proof/consistency?first=1&second=" + Long.MAX_VALUE,
                400,
                "second must not exceed the latest signed tree head's size");
        assertProblem("/api/v1/log/tree-head?treeSize=abc", 400, "parameter 'treeSize' must be");
        assertProblem("/api/v1/log/tree-head?treeSize=" + Long.MAX_VALUE, 404, "no tree head was signed");
        assertProblem("/api/v1/log/leaves/" + Long.MAX_VALUE, 404, "is not in the log");
        assertProblem("/api/v1/log/leaves/first", 400, "parameter 'leafIndex' must be");
    }

    @Test
    void theLogSizeAndAppendedLeavesAreMetrics() {
        awaitLeaves(List.of(Probes.append(eventStore, transactions, "metrics")));

        await().atMost(WAIT).untilAsserted(() -> {
            long size = jdbc.queryForObject("select count(*) from merkle_leaf", Long.class);
            assertThat(meters.get("interdict.log.tree.size").gauge().value()).isEqualTo(size);
        });
        assertThat(meters.get("interdict.log.leaves.appended").counter().count())
                .isPositive();
    }

    // --- helpers ---------------------------------------------------------------------------------

    /**
     * A probe event published in a transaction that stays open, holding its global index, until
     * {@link #commit()}; closing without committing lets the transaction end as well.
     */
    private final class HeldEvent implements AutoCloseable {

        private final CountDownLatch release = new CountDownLatch(1);
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final Future<?> transaction;
        private final long globalIndex;

        HeldEvent(String probeId) throws Exception {
            CountDownLatch held = new CountDownLatch(1);
            AtomicLong index = new AtomicLong(-1);
            transaction = thread.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                eventStore.publish(
                        new GenericDomainEventMessage<>("Probe", probeId, 0, new ProbeRecorded(probeId, "held")));
                index.set(jdbc.queryForObject(
                        "select global_index from domain_event_entry where aggregate_identifier = ?",
                        Long.class,
                        probeId));
                held.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();
            globalIndex = index.get();
        }

        long globalIndex() {
            return globalIndex;
        }

        void commit() throws Exception {
            release.countDown();
            transaction.get(20, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            release.countDown();
            thread.shutdown();
        }
    }

    private MerkleLogWriter writerWithGapHorizon(Duration gapHorizon) {
        return writer(gapHorizon, 1000);
    }

    private MerkleLogWriter writer(Duration gapHorizon, int batchSize) {
        return new MerkleLogWriter(
                jdbc,
                transactions,
                store,
                leafEncoder,
                signer,
                clock,
                new LogSettings(Duration.ofMillis(500), batchSize, Duration.ofSeconds(2), gapHorizon),
                new SimpleMeterRegistry());
    }

    /** Leaf indexes of the probes' events, in the order given, once every one is in the log. */
    private List<Long> awaitLeaves(List<String> probeIds) {
        List<Long> leaves = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            leaves.clear();
            for (String probeId : probeIds) {
                List<Long> found = jdbc.queryForList(
                        "select l.leaf_index from merkle_leaf l join domain_event_entry e"
                                + " on e.global_index = l.global_index where e.aggregate_identifier = ?",
                        Long.class,
                        probeId);
                assertThat(found).as("leaves of probe %s", probeId).hasSize(1);
                leaves.add(found.get(0));
            }
        });
        return List.copyOf(leaves);
    }

    private JsonNode awaitSignedHeadCovering(long leafIndex) {
        return await().atMost(WAIT)
                .until(
                        () -> get("/api/v1/log/tree-head").getBody(),
                        head -> head != null
                                && head.has("treeSize")
                                && head.get("treeSize").asLong() > leafIndex);
    }

    private void assertTheLogIsGapFree() {
        Map<String, Object> shape = jdbc.queryForMap(
                "select count(*) as leaves, coalesce(max(leaf_index), -1) as highest from merkle_leaf");
        assertThat(((Number) shape.get("highest")).longValue() + 1)
                .isEqualTo(((Number) shape.get("leaves")).longValue());
    }

    private void assertEveryEventIsALeafExactlyOnce() {
        assertTheLogIsGapFree();
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry e where not exists"
                                + " (select 1 from merkle_leaf l where l.global_index = e.global_index)",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from merkle_leaf l where not exists"
                                + " (select 1 from domain_event_entry e where e.global_index = l.global_index"
                                + " and e.event_identifier = l.event_identifier)",
                        Long.class))
                .isZero();
    }

    private long globalIndexOf(String probeId) {
        return jdbc.queryForObject(
                "select global_index from domain_event_entry where aggregate_identifier = ?", Long.class, probeId);
    }

    private void assertProblem(String path, int status, String detail) {
        ResponseEntity<JsonNode> response = get(path);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(path)
                .isTrue();
        assertThat(response.getBody().get("detail").asText()).as(path).contains(detail);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status);
        assertThat(response.getBody().get("type").asText())
                .isEqualTo(
                        status == HttpStatus.NOT_FOUND.value()
                                ? "urn:interdict:problem:not-found"
                                : "urn:interdict:problem:malformed-request");
    }

    @Test
    void theLogEndpointsNeedAToken() {
        for (String path : List.of(
                "/api/v1/log/tree-head", "/api/v1/log/proof/inclusion?index=0&treeSize=1",
                "/api/v1/log/proof/consistency?first=1&second=1", "/api/v1/log/leaves/0")) {
            assertThat(http.getForEntity(path, JsonNode.class).getStatusCode().value())
                    .as(path)
                    .isEqualTo(401);
        }
    }

    /** As a partner would ask: the log endpoints are for any authenticated, enrolled partner. */
    private ResponseEntity<JsonNode> get(String path) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(new ApiClient(port).token("dhl"));
        return http.exchange(
                path,
                org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers),
                JsonNode.class);
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(element -> hashes.add(Base64.getDecoder().decode(element.asText())));
        return hashes;
    }

    private static byte[] base64(JsonNode node, String field) {
        return Base64.getDecoder().decode(node.get(field).asText());
    }

    /**
     * The tree head JWS checked as an auditor would: the payload rebuilt from the served fields, the
     * key taken from the published JWK set's gateway entries, the signature checked with the JDK.
     */
    private boolean signatureVerifies(JsonNode head) {
        String payload = "{\"rootHash\":\"" + head.get("rootHash").asText() + "\",\"timestamp\":\""
                + head.get("timestamp").asText() + "\",\"treeSize\":"
                + head.get("treeSize").asLong() + "}";
        String jws = head.get("signature").asText();
        String x = jdbc.queryForObject(
                "select public_x from gateway_key where kid = ?", String.class, JdkEd25519.kidOf(jws));
        return JdkEd25519.verifyDetached(jws, payload.getBytes(StandardCharsets.UTF_8), x);
    }

    /** MTH of RFC 9162 §2.1.1, written straight from the definition over the leaf hashes. */
    private static byte[] rfc9162Mth(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return sha256(new byte[0]);
        }
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int k = 1;
        while (k * 2 < leafHashes.size()) {
            k *= 2;
        }
        byte[] left = rfc9162Mth(leafHashes.subList(0, k));
        byte[] right = rfc9162Mth(leafHashes.subList(k, leafHashes.size()));
        byte[] node = new byte[1 + 32 + 32];
        node[0] = 0x01;
        System.arraycopy(left, 0, node, 1, 32);
        System.arraycopy(right, 0, node, 33, 32);
        return sha256(node);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
