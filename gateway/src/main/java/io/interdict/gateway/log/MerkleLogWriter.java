package io.interdict.gateway.log;

import io.interdict.audit.merkle.Frontier;
import io.interdict.audit.merkle.MerkleAppender;
import io.interdict.audit.merkle.MerkleAppender.AppendResult;
import io.interdict.audit.merkle.MerkleHashes;
import io.interdict.config.LogSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Extends the Merkle log: one round turns up to {@code interdict.log.batch-size} events that are not
 * yet leaves into leaves, in global-index order, and signs a tree head when one is due, all in ONE
 * transaction that first takes a transaction-level advisory lock. Only the holder of the lock writes
 * (every node runs rounds; the others skip theirs), and a round that fails or dies leaves nothing.
 *
 * <p><b>Gaps in the global index.</b> A transaction that took global index g may commit after one
 * that took g + 1, so "highest global index appended" is no watermark. Each round selects the
 * events above a floor that are not in {@code merkle_leaf} (an anti-join). The floor is the highest
 * global index among leaves appended before {@code S - gapHorizon}, where S is the start of this
 * node's last round that saw every candidate (fewer than a batch); before such a round the floor is
 * -1 (the whole store). Why nothing is skipped: if leaf h above a missing committed event g was
 * appended at t &lt; S - gapHorizon, g took its index before h did, so before t; an event
 * transaction shorter than {@code gapHorizon} therefore committed before S, and the complete round
 * at S saw it above its own floor and appended it. Rounds that did not run (a stall, another node
 * holding the lock) never move the floor. The bound: each round reads the events of the last {@code
 * gapHorizon} plus the time since this node's last complete round, and the first round after a
 * start reads the whole store once.
 */
@Component
class MerkleLogWriter {

    /** {@code pg_try_advisory_xact_lock} key of the single writer: "IntdMLog" in ASCII. */
    static final long WRITER_LOCK = 0x496e_7464_4d4c_6f67L;

    /** What one round did. */
    record Round(boolean lockObtained, int appended, long treeSize, boolean headSigned) {

        static Round skipped() {
            return new Round(false, 0, -1, false);
        }
    }

    private record Outcome(Round round, Instant completeScanStart) {}

    private static final String CANDIDATES = "select e.global_index, e.event_identifier, e.aggregate_identifier,"
            + " e.sequence_number, e.type, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data"
            + " from domain_event_entry e"
            + " where e.global_index > ?"
            + " and not exists (select 1 from merkle_leaf l where l.global_index = e.global_index)"
            + " order by e.global_index limit ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MerkleLogStore store;
    private final LeafEncoder leafEncoder;
    private final TreeHeadSigner signer;
    private final Clock clock;
    private final LogSettings settings;
    private final Counter appendedLeaves;
    private final AtomicLong treeSize = new AtomicLong();
    /** Database time at the start of this node's last round that saw every candidate; null before one. */
    private final AtomicReference<Instant> lastCompleteScan = new AtomicReference<>();

    MerkleLogWriter(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            MerkleLogStore store,
            LeafEncoder leafEncoder,
            TreeHeadSigner signer,
            Clock clock,
            LogSettings settings,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.store = store;
        this.leafEncoder = leafEncoder;
        this.signer = signer;
        this.clock = clock;
        this.settings = settings;
        this.appendedLeaves = Counter.builder("interdict.log.leaves.appended")
                .description("Events appended to the Merkle log as leaves by this node")
                .register(meters);
        Gauge.builder("interdict.log.tree.size", treeSize, AtomicLong::get)
                .description("Leaves in the Merkle log, as of this node's last append round")
                .register(meters);
    }

    /** One append round; safe to call from several threads and nodes at once (one wins the lock). */
    Round appendRound() {
        Outcome outcome = transactions.execute(status -> round());
        if (outcome == null || !outcome.round().lockObtained()) {
            return Round.skipped();
        }
        // Only after the commit: a rolled-back round must not move the floor or the metrics.
        if (outcome.completeScanStart() != null) {
            lastCompleteScan.accumulateAndGet(
                    outcome.completeScanStart(),
                    (previous, next) -> previous == null || next.isAfter(previous) ? next : previous);
        }
        appendedLeaves.increment(outcome.round().appended());
        treeSize.set(outcome.round().treeSize());
        return outcome.round();
    }

    private Outcome round() {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, WRITER_LOCK);
        if (!Boolean.TRUE.equals(locked)) {
            return new Outcome(Round.skipped(), null);
        }
        Instant roundStart =
                jdbc.queryForObject("select now()", OffsetDateTime.class).toInstant();
        long size = store.treeSize();

        List<StoredEvent> events =
                jdbc.query(CANDIDATES, MerkleLogWriter::storedEvent, scanFloor(), settings.batchSize());
        List<byte[]> leafHashes = new ArrayList<>(events.size());
        List<LogLeaf> leaves = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            byte[] leafHash = MerkleHashes.hashLeaf(leafEncoder.leafBytes(event));
            leafHashes.add(leafHash);
            leaves.add(new LogLeaf(size + leaves.size(), event.globalIndex(), event.eventIdentifier(), leafHash));
        }
        // The frontier (one read per set bit of the size) is only needed to append or to sign.
        Supplier<Frontier> frontier = () -> Frontier.load(size, store.subtreeHashes());
        if (!leaves.isEmpty()) {
            AppendResult appended = MerkleAppender.append(frontier.get(), leafHashes);
            store.insertLeaves(leaves);
            store.insertNodes(appended.completedNodes());
            frontier = appended::frontier;
        }
        long newSize = size + leaves.size();
        boolean headSigned = signHeadIfDue(newSize, frontier);
        Instant completeScanStart = events.size() < settings.batchSize() ? roundStart : null;
        return new Outcome(new Round(true, leaves.size(), newSize, headSigned), completeScanStart);
    }

    /** Highest global index below which no committed event can still be missing from the log. */
    long scanFloor() {
        Instant lastComplete = lastCompleteScan.get();
        if (lastComplete == null) {
            return -1;
        }
        Long floor = jdbc.queryForObject(
                "select coalesce(max(global_index), -1) from merkle_leaf where appended_at < ?",
                Long.class,
                OffsetDateTime.ofInstant(lastComplete.minus(settings.gapHorizon()), ZoneOffset.UTC));
        return floor == null ? -1 : floor;
    }

    /**
     * Signs a head for the current size when there is none yet (the empty tree's at first start), or
     * when the log grew since the latest head and {@code tree-head-interval} has passed since it.
     */
    private boolean signHeadIfDue(long treeSize, Supplier<Frontier> frontier) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<TreeHead> latest = store.latestHead();
        boolean due = latest.isEmpty()
                || (latest.get().treeSize() < treeSize
                        && !now.isBefore(latest.get().timestamp().plus(settings.treeHeadInterval())));
        if (!due) {
            return false;
        }
        byte[] rootHash = frontier.get().rootHash();
        String signature = signer.signDetached(TreeHeadPayload.canonicalBytes(treeSize, rootHash, now));
        store.insertHead(new TreeHead(treeSize, rootHash, now, signature));
        return true;
    }

    private static StoredEvent storedEvent(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(
                rs.getLong("global_index"),
                rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"),
                rs.getString("type"),
                rs.getString("payload_type"),
                rs.getString("payload_revision"),
                rs.getString("time_stamp"),
                rs.getBytes("payload"),
                rs.getBytes("meta_data"));
    }
}
