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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
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
 * that took g + 1, so "highest global index appended" is no watermark. Each node keeps a {@link
 * Watermark}: every global index up to {@code through} is a leaf, or is pending (was not visible when
 * the node passed it, with the database time it was seen missing), or can never commit. A round reads
 * the indexes above {@code through} in a window of at most a batch, and the pending ones that became
 * visible; each costs one primary-key range or probe, so a round is O(new events), not O(events of
 * the last horizon) as the anti-join of earlier versions was (BENCHMARKS.md, session 4).
 *
 * <p>Why nothing is skipped, given that no event transaction holds its global index longer than
 * {@code gapHorizon} (ADR 0004):
 * <ul>
 *   <li>A round first reads, in one statement (snapshot s0), the highest visible index h0 and the
 *       invisible indexes of the window up to h0; only then (later snapshots) the window's events that
 *       are not leaves. An index visible at s0 is visible later, so it is read; one invisible at s0
 *       becomes pending, also if it turns visible before the second read (it is then appended now
 *       and dropped from pending when next seen as a leaf).
 *   <li>A pending index g is below h0, whose event took its index after g and committed before s0;
 *       so g was taken before the database time recorded for it. It is dropped only in a round that
 *       started more than {@code gapHorizon} after that time and still did not see it: its
 *       transaction had ended before the round's read, so it rolled back.
 *   <li>A node's first round after a start anti-joins the whole store (at most a batch of events that
 *       are not leaves, in order), after reading the highest visible index h0 and the invisible
 *       indexes above the highest global index among leaves appended more than {@code gapHorizon}
 *       before the round began. Its watermark is h0, or its last event if it read a full batch
 *       (every visible event below that is in the batch); the invisible indexes up to it are
 *       pending. An invisible index below that leaf's was taken before it, so its transaction ended
 *       before the round began, and invisible at s0 it rolled back. Every node builds its own
 *       watermark, so a node that was not the writer for a while only reads further (the leaves
 *       another node appended are skipped by a probe).
 * </ul>
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

    /**
     * Every global index up to {@code through} is a leaf, or is in {@code pending} (with the database
     * time it was first seen missing), or can never commit.
     */
    record Watermark(long through, NavigableMap<Long, Instant> pending) {

        Watermark {
            pending = Collections.unmodifiableNavigableMap(new TreeMap<>(pending));
        }
    }

    private record Outcome(Round round, Watermark watermark) {}

    /** The highest visible global index and the invisible ones in (from, min(to, highest)], in one snapshot. */
    private record Missing(long highest, List<Long> indexes, Instant seenAt) {}

    private static final String SELECT_COLUMNS = "select e.global_index, e.event_identifier, e.aggregate_identifier,"
            + " e.sequence_number, e.type, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data";

    private static final String EVENT_COLUMNS = SELECT_COLUMNS + " from domain_event_entry e";

    private static final String NOT_A_LEAF =
            " not exists (select 1 from merkle_leaf l where l.global_index = e.global_index)";

    /** A node's first round: the events of the whole store that are not leaves. */
    private static final String WHOLE_STORE =
            EVENT_COLUMNS + " where" + NOT_A_LEAF + " order by e.global_index limit ?";

    /** The window above the watermark: its events that are not leaves. */
    private static final String WINDOW = EVENT_COLUMNS + " where e.global_index > ? and e.global_index <= ? and"
            + NOT_A_LEAF + " order by e.global_index";

    /** Pending indexes that became visible, and whether each is not a leaf yet. */
    private static final String PENDING = SELECT_COLUMNS + "," + NOT_A_LEAF
            + " as fresh from domain_event_entry e where e.global_index = any(?) order by e.global_index";

    private static final String MISSING = "with head as (select coalesce(max(global_index), -1) as highest"
            + " from domain_event_entry)"
            + " select head.highest, clock_timestamp() as seen_at, array(select s.i from"
            + " generate_series(?::bigint + 1, least(?::bigint, head.highest)) s(i) where not exists"
            + " (select 1 from domain_event_entry e where e.global_index = s.i) order by s.i) as missing from head";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MerkleLogStore store;
    private final LeafEncoder leafEncoder;
    private final TreeHeadSigner signer;
    private final Clock clock;
    private final LogSettings settings;
    private final Counter appendedLeaves;
    private final AtomicLong treeSize = new AtomicLong();
    /** This node's watermark after its last committed round; null before its first round. */
    private final AtomicReference<Watermark> watermark = new AtomicReference<>();

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
    synchronized Round appendRound() {
        Watermark known = watermark.get();
        Outcome outcome = transactions.execute(status -> round(known));
        if (outcome == null || !outcome.round().lockObtained()) {
            return Round.skipped();
        }
        // Only after the commit: a rolled-back round must not move the watermark or the metrics.
        if (outcome.watermark() != null) {
            watermark.set(outcome.watermark());
        }
        appendedLeaves.increment(outcome.round().appended());
        treeSize.set(outcome.round().treeSize());
        return outcome.round();
    }

    /** This node's watermark, empty before its first round. */
    Optional<Watermark> watermark() {
        return Optional.ofNullable(watermark.get());
    }

    private Outcome round(Watermark known) {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, WRITER_LOCK);
        if (!Boolean.TRUE.equals(locked)) {
            return new Outcome(Round.skipped(), null);
        }
        Instant roundStart =
                jdbc.queryForObject("select now()", OffsetDateTime.class).toInstant();
        long size = store.treeSize();

        List<StoredEvent> events;
        Watermark next;
        if (known == null) {
            long floor = leavesAppendedBefore(roundStart.minus(settings.gapHorizon()));
            Missing missing = missing(floor, Long.MAX_VALUE);
            events = jdbc.query(WHOLE_STORE, MerkleLogWriter::storedEvent, settings.batchSize());
            // A full batch ends at its last event: every visible event below it that is not a leaf
            // is in the batch, the rest is read window by window from there.
            long through = events.size() < settings.batchSize()
                    ? missing.highest()
                    : Math.min(missing.highest(), events.get(events.size() - 1).globalIndex());
            next = new Watermark(through, seenAt(missing, new TreeMap<>()).headMap(through, true));
        } else {
            Missing missing = missing(known.through(), known.through() + settings.batchSize());
            long through =
                    Math.max(known.through(), Math.min(missing.highest(), known.through() + settings.batchSize()));
            TreeMap<Long, Instant> pending = new TreeMap<>(known.pending());
            events = new ArrayList<>();
            if (!pending.isEmpty()) {
                List<Long> pendingIndexes = List.copyOf(pending.keySet());
                jdbc.query(
                        connection -> {
                            var statement = connection.prepareStatement(PENDING);
                            statement.setArray(1, connection.createArrayOf("bigint", pendingIndexes.toArray()));
                            return statement;
                        },
                        rs -> {
                            // Visible now: appended by this round, or by another node already.
                            pending.remove(rs.getLong("global_index"));
                            if (rs.getBoolean("fresh")) {
                                events.add(storedEvent(rs, 0));
                            }
                        });
                // Still invisible a horizon after it was seen missing: its transaction rolled back.
                pending.values()
                        .removeIf(seen -> seen.plus(settings.gapHorizon()).isBefore(roundStart));
            }
            if (through > known.through()) {
                events.addAll(jdbc.query(WINDOW, MerkleLogWriter::storedEvent, known.through(), through));
            }
            next = new Watermark(through, seenAt(missing, pending));
        }

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
        return new Outcome(new Round(true, leaves.size(), newSize, headSigned), next);
    }

    private static NavigableMap<Long, Instant> seenAt(Missing missing, TreeMap<Long, Instant> pending) {
        for (long index : missing.indexes()) {
            pending.putIfAbsent(index, missing.seenAt());
        }
        return pending;
    }

    /** One statement, so one snapshot: the highest visible global index and the invisible ones in the range. */
    private Missing missing(long after, long upTo) {
        return jdbc.queryForObject(
                MISSING,
                (rs, row) -> new Missing(
                        rs.getLong("highest"),
                        Arrays.asList((Long[]) rs.getArray("missing").getArray()),
                        rs.getObject("seen_at", OffsetDateTime.class).toInstant()),
                after,
                upTo);
    }

    /** Highest global index among leaves appended before {@code instant}; -1 when there is none. */
    private long leavesAppendedBefore(Instant instant) {
        Long floor = jdbc.queryForObject(
                "select coalesce(max(global_index), -1) from merkle_leaf where appended_at < ?",
                Long.class,
                OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
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
