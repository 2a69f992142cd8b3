package io.interdict.load;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar load/target/interdict-load.jar}: measures a running gateway against raw
 * PostgreSQL and raw Ed25519 in one run, prints the table and writes it as JSON (BENCHMARKS.md).
 * {@code scripts/bench.sh} starts a gateway on a fresh database and runs this.
 */
@Command(
        name = "interdict-load",
        mixinStandardHelpOptions = true,
        description =
                "End-to-end throughput and latency of an Interdict gateway as ratios to baselines of the same run.")
public final class LoadDriver implements Callable<Integer> {

    static final List<String> ALL_PHASES = List.of("baselines", "crypto", "push", "batch", "feed", "audit");

    @Option(names = "--gateway", description = "gateway base URL (default: ${DEFAULT-VALUE})")
    URI gatewayUrl = URI.create("http://127.0.0.1:8080");

    @Option(names = "--jdbc-url", required = true, description = "the gateway's own database, for the baselines")
    String jdbcUrl;

    @Option(names = "--jdbc-user", description = "default: ${DEFAULT-VALUE}")
    String jdbcUser = "postgres";

    @Option(names = "--jdbc-password", description = "default: empty")
    String jdbcPassword = "";

    @Option(
            names = "--phases",
            split = ",",
            description = "any of baselines,crypto,push,batch,feed,audit (default: all, in that order)")
    List<String> phases = ALL_PHASES;

    @Option(names = "--clients", split = ",", description = "client/thread counts (default: ${DEFAULT-VALUE})")
    List<Integer> clients = List.of(4, 16);

    @Option(names = "--warmup", description = "warm-up seconds before each measured window (default: ${DEFAULT-VALUE})")
    int warmupSeconds = 5;

    @Option(
            names = "--gateway-warmup",
            description = "at least this many seconds of unmeasured pushes and batch pushes before anything is"
                    + " measured, then more until the gateway's JIT compilers have settled (default: ${DEFAULT-VALUE})")
    int gatewayWarmupSeconds = 30;

    @Option(
            names = "--gateway-warmup-max",
            description = "at most this many seconds of gateway warm-up, settled or not (default: ${DEFAULT-VALUE})")
    int gatewayWarmupMaxSeconds = 300;

    @Option(names = "--baseline-seconds", description = "default: ${DEFAULT-VALUE}")
    int baselineSeconds = 15;

    @Option(names = "--push-seconds", description = "default: ${DEFAULT-VALUE}")
    int pushSeconds = 30;

    @Option(names = "--batch-seconds", description = "default: ${DEFAULT-VALUE}")
    int batchSeconds = 30;

    @Option(names = "--batch-size", description = "shares per batch call (default: ${DEFAULT-VALUE})")
    int batchSize = 100;

    @Option(names = "--feed-records", description = "records the feed consumer pages (default: ${DEFAULT-VALUE})")
    long feedRecords = 100_000;

    @Option(names = "--feed-limit", description = "page size (default: ${DEFAULT-VALUE})")
    int feedLimit = 1000;

    @Option(
            names = "--audit-rounds",
            description = "raw/bundle verify rounds after one warm-up (default: ${DEFAULT-VALUE})")
    int auditRounds = 3;

    @Option(names = "--audit-threads", description = "verify threads (default: one per processor)")
    int auditThreads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", description = "JSON file (default: bench-results/<UTC timestamp>.json)")
    Path out;

    @Option(names = "--compare", description = "an earlier run's JSON, shown beside this run")
    Path compare;

    @Option(names = "--seed", description = "seed of the generated share bodies (default: ${DEFAULT-VALUE})")
    long seed = 20261130L;

    @Option(names = "--note", description = "free text kept in the JSON (e.g. what changed)")
    String note;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadDriver()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Set<String> run = new LinkedHashSet<>(phases);
        for (String phase : run) {
            if (!ALL_PHASES.contains(phase)) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this), "unknown phase " + phase + "; expected some of " + ALL_PHASES);
            }
        }
        Instant started = Instant.now();
        Results results = new Results();
        var conditions = results.conditions();
        conditions.put("startedAt", started.toString());
        conditions.put("processors", Runtime.getRuntime().availableProcessors());
        conditions.put("loadAverageAtStart", loadAverage());
        conditions.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        conditions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        conditions.put("gateway", gatewayUrl.toString());
        conditions.put("phases", String.join(",", run));
        conditions.put("clients", clients.toString());
        conditions.put("warmupSeconds", warmupSeconds);
        conditions.put("baselineSeconds", baselineSeconds);
        conditions.put("pushSeconds", pushSeconds);
        conditions.put("batchSeconds", batchSeconds);
        conditions.put("batchSize", batchSize);
        conditions.put("feedRecords", feedRecords);
        conditions.put("feedLimit", feedLimit);
        conditions.put("auditThreads", auditThreads);
        if (note != null) {
            conditions.put("note", note);
        }

        Baselines baselines = new Baselines(jdbcUrl, jdbcUser, jdbcPassword);
        try (Connection c = baselines.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select version(), current_setting('autovacuum')")) {
            r.next();
            conditions.put("postgresql", r.getString(1));
            String autovacuum = r.getString(2);
            conditions.put("postgresqlAutovacuum", autovacuum);
            if (!"on".equals(autovacuum)) {
                // PostgreSQL's default, and any real deployment's: without statistics some queries
                // keep plans made for empty tables (BENCHMARKS.md, session 4), so figures run low.
                log("warning: autovacuum is %s on this PostgreSQL; production runs with it on", autovacuum);
            }
        }
        Duration warmup = Duration.ofSeconds(warmupSeconds);
        GatewayClient gateway = new GatewayClient(gatewayUrl);
        GatewayLoad load = new GatewayLoad(gateway, seed);

        boolean drivesGateway = run.contains("push") || run.contains("batch") || run.contains("feed");
        if (drivesGateway) {
            for (String provider : GatewayLoad.PROVIDERS) {
                gateway.registerSigningKey(provider);
            }
        }
        conditions.put("gatewayWarmupSeconds", gatewayWarmupSeconds);
        if (drivesGateway && gatewayWarmupSeconds > 0) {
            log(
                    "gateway warm-up: pushes and batch pushes, not measured, for at least %d s and until the"
                            + " gateway's JIT compilers settle (at most %d s)",
                    gatewayWarmupSeconds, gatewayWarmupMaxSeconds);
            JitWarmup.Outcome warm = JitWarmup.run(
                    gateway::compilationMillis,
                    Duration.ofSeconds(gatewayWarmupSeconds),
                    Duration.ofSeconds(Math.max(gatewayWarmupSeconds, gatewayWarmupMaxSeconds)),
                    round -> {
                        Duration half = round.dividedBy(2);
                        load.push(4, Duration.ZERO, half);
                        load.batch(4, batchSize, Duration.ZERO, half);
                    });
            log("gateway warm-up: %s", warm.describe());
            conditions.put("gatewayWarmupTookSeconds", warm.took().toSeconds());
            conditions.put("gatewayWarmupSettled", warm.settled());
            warm.lastCompilerShare().ifPresent(share -> conditions.put("gatewayWarmupLastCompilerShare", share));
        }

        if (run.contains("baselines")) {
            conditions.put("baselineRowBytes", baselines.averagePayloadBytes());
            baselines.createTable();
            try {
                for (int threads : clients) {
                    log("baseline A, %d threads, %d s", threads, baselineSeconds);
                    ClosedLoop.Outcome a = baselines.singleRow(threads, warmup, Duration.ofSeconds(baselineSeconds));
                    results.add(Figure.plain(
                            "baselineA.t" + threads,
                            a.unitsPerSecond(),
                            "rows/s",
                            "single-row INSERT transactions" + errors(a)));
                    log("baseline B, %d threads, %d s", threads, baselineSeconds);
                    ClosedLoop.Outcome b = baselines.multiRow(threads, warmup, Duration.ofSeconds(baselineSeconds));
                    results.add(Figure.plain(
                            "baselineB.t" + threads,
                            b.unitsPerSecond(),
                            "rows/s",
                            Baselines.BATCH_ROWS + "-row INSERT transactions" + errors(b)));
                }
            } finally {
                baselines.dropTable();
            }
        }

        if (run.contains("crypto")) {
            crypto(results, warmup);
        }
        if (run.contains("push")) {
            for (int n : clients) {
                log("push, %d clients, %d s", n, pushSeconds);
                ClosedLoop.Outcome push = load.push(n, warmup, Duration.ofSeconds(pushSeconds));
                addThroughput(results, "push.c" + n, push, "shares/s", "baselineA.t" + n, n == 4 ? 0.25 : 0);
                results.add(Figure.plain("push.c" + n + ".p50", push.latencies().percentileMillis(50), "ms", null));
                results.add(
                        n == 4
                                ? Figure.below("push.c4.p99", push.latencies().percentileMillis(99), "ms", 50, null)
                                : Figure.plain(
                                        "push.c" + n + ".p99", push.latencies().percentileMillis(99), "ms", null));
            }
        }
        if (run.contains("batch")) {
            for (int n : clients) {
                log("batch push, %d clients x %d shares per call, %d s", n, batchSize, batchSeconds);
                ClosedLoop.Outcome batch = load.batch(n, batchSize, warmup, Duration.ofSeconds(batchSeconds));
                addThroughput(results, "batch.c" + n, batch, "shares/s", "baselineB.t" + n, n == 4 ? 0.25 : 0);
                results.add(
                        Figure.plain("batch.c" + n + ".p50", batch.latencies().percentileMillis(50), "ms", "per call"));
                results.add(
                        Figure.plain("batch.c" + n + ".p99", batch.latencies().percentileMillis(99), "ms", "per call"));
            }
        }
        if (run.contains("feed")) {
            if (load.visibleToConsumer() < feedRecords) {
                log(
                        "filling the feed: %d more shares visible to %s",
                        feedRecords - load.visibleToConsumer(), ShareBodies.CONSUMER);
                load.fillUntilVisible(feedRecords, 4, batchSize);
            }
            log("waiting for the Merkle log and the shares projection (%d shares pushed)", load.created());
            awaitCatchUp(baselines, load.created(), Duration.ofMinutes(10));
            long expected = load.visibleToConsumer();
            if (warmupSeconds > 0) {
                log("feed warm-up: the whole feed paged once (at least %d s), not measured", warmupSeconds);
                load.feedWarmup(ShareBodies.CONSUMER, feedLimit, warmup);
            }
            log("feed: %s pages %d records, limit %d", ShareBodies.CONSUMER, expected, feedLimit);
            GatewayLoad.FeedOutcome feed = load.feed(ShareBodies.CONSUMER, feedLimit, expected);
            results.add(Figure.atLeast(
                    "feed.throughput",
                    feed.recordsPerSecond(),
                    "records/s",
                    20_000,
                    feed.records() + " records in " + feed.pages() + " pages"));
            results.add(Figure.plain("feed.page.p50", feed.pageLatencies().percentileMillis(50), "ms", null));
            results.add(Figure.plain("feed.page.p99", feed.pageLatencies().percentileMillis(99), "ms", null));
        }
        if (run.contains("audit")) {
            audit(results, gateway, baselines);
        }

        conditions.put("sharesCreated", load.created());
        conditions.put("loadAverageAtEnd", loadAverage());
        conditions.put("finishedAt", Instant.now().toString());

        Map<String, Figure> previous = compare == null ? null : Results.read(compare);
        System.out.println();
        System.out.print(results.table(previous));
        Path file = out != null
                ? out
                : Path.of(
                        "bench-results",
                        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                                        .withZone(ZoneOffset.UTC)
                                        .format(started)
                                + ".json");
        results.write(file);
        System.out.println("written to " + file);
        boolean allMet = results.figures().stream().allMatch(f -> f.met() == null || f.met());
        return allMet ? 0 : 3;
    }

    private void audit(Results results, GatewayClient gateway, Baselines baselines) throws Exception {
        awaitCatchUp(baselines, 0, Duration.ofMinutes(10));
        Path bundle = Files.createTempFile("interdict-bench-bundle-", ".json");
        try {
            log("audit: exporting the bundle as auditor");
            long start = System.nanoTime();
            int status = gateway.download("auditor", "/api/v1/audit/bundle", bundle);
            double exportSeconds = (System.nanoTime() - start) / 1e9;
            if (status != 200) {
                throw new IllegalStateException("bundle export answered " + status + ": "
                        + Files.readString(bundle).substring(0, 300));
            }
            AuditBench bench = AuditBench.of(bundle, auditThreads);
            results.add(Figure.plain(
                    "audit.export",
                    bench.records() / exportSeconds,
                    "records/s",
                    String.format("GET /api/v1/audit/bundle, %.0f MB", Files.size(bundle) / 1e6)));
            log(
                    "audit: %d records, %d signatures; %d rounds of raw verify then bundle verify, %d threads",
                    bench.records(), bench.signatures(), auditRounds, auditThreads);
            bench.round();
            List<AuditBench.Round> rounds = new ArrayList<>();
            for (int i = 0; i < auditRounds; i++) {
                AuditBench.Round round = bench.round();
                log(
                        "  round %d: raw %.0f sig/s, bundle %.0f sig/s, %.0f %%",
                        i + 1, round.raw(), round.bundle(), 100 * round.ratio());
                rounds.add(round);
            }
            double raw =
                    median(rounds.stream().mapToDouble(AuditBench.Round::raw).toArray());
            double verified =
                    median(rounds.stream().mapToDouble(AuditBench.Round::bundle).toArray());
            String perRound = rounds.stream()
                    .map(r -> String.format("%.2f", r.ratio()))
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
            Figure rawFigure = results.add(Figure.plain(
                    "audit.rawVerify",
                    raw,
                    "sig/s",
                    "BouncyCastle Ed25519 over the bundle's " + bench.signatures() + " signatures, median"));
            results.add(Figure.ratio(
                    "audit.bundleVerify",
                    verified,
                    "sig/s",
                    rawFigure,
                    0.6,
                    bench.records() + " records; per-round ratios " + perRound));
            results.add(Figure.plain(
                    "audit.bundleVerify.records", verified * bench.records() / bench.signatures(), "records/s", null));
        } finally {
            Files.deleteIfExists(bundle);
        }
    }

    /**
     * The Ed25519 floor (CryptoFloor): per-thread sign and verify rates, and the shares per second
     * that one verify and one signature per share allow on every core with nothing else running,
     * beside baselines A and B of this run. Below 0.25 × baseline B, the batch target cannot be met
     * by any gateway that verifies and notarises each share here.
     */
    private void crypto(Results results, Duration warmup) {
        int cores = Runtime.getRuntime().availableProcessors();
        log("crypto floor: Ed25519 sign and verify on one thread, %d s each", Math.max(3, baselineSeconds / 3));
        CryptoFloor.Outcome floor = CryptoFloor.measure(warmup, Duration.ofSeconds(Math.max(3, baselineSeconds / 3)));
        results.add(Figure.plain(
                "crypto.sign",
                floor.signsPerSecond(),
                "sig/s",
                "one thread, " + floor.envelopeBytes() + "-byte envelopes"));
        results.add(Figure.plain(
                "crypto.verify",
                floor.verifiesPerSecond(),
                "sig/s",
                "one thread, " + floor.bodyBytes() + "-byte bodies"));
        String note = "one verify + one signature per share on all " + cores + " cores, nothing else";
        for (int n : clients) {
            for (String baseline : List.of("baselineA.t" + n, "baselineB.t" + n)) {
                if (hasFigure(results, baseline)) {
                    results.add(Figure.ratio(
                            "crypto.ceiling.vs." + baseline,
                            floor.sharesPerSecond(cores),
                            "shares/s",
                            results.get(baseline),
                            0,
                            note));
                }
            }
        }
        if (!hasFigure(results, "baselineA.t" + clients.get(0))) {
            results.add(Figure.plain("crypto.ceiling", floor.sharesPerSecond(cores), "shares/s", note));
        }
    }

    private void addThroughput(
            Results results, String prefix, ClosedLoop.Outcome outcome, String unit, String baseline, double min) {
        String note = outcome.calls() + " calls in " + (long) outcome.seconds() + " s" + errors(outcome);
        Figure figure;
        if (hasFigure(results, baseline)) {
            figure = Figure.ratio(
                    prefix + ".throughput", outcome.unitsPerSecond(), unit, results.get(baseline), min, note);
        } else {
            figure = Figure.plain(prefix + ".throughput", outcome.unitsPerSecond(), unit, note);
        }
        if (outcome.errors() > 0 && figure.met() != null) {
            figure = new Figure(
                    figure.name(),
                    figure.value(),
                    figure.unit(),
                    figure.baseline(),
                    figure.ratio(),
                    figure.target() + " without errors",
                    false,
                    figure.note());
        }
        results.add(figure);
    }

    private static boolean hasFigure(Results results, String name) {
        return results.figures().stream().anyMatch(f -> f.name().equals(name));
    }

    private static String errors(ClosedLoop.Outcome outcome) {
        return outcome.errors() == 0 ? "" : "; " + outcome.errors() + " errors, first: " + outcome.firstError();
    }

    /**
     * Waits until every stored event is a Merkle leaf and the shares projection holds every share
     * pushed, so the feed and the bundle measure reading, not waiting for the writers.
     */
    private static void awaitCatchUp(Baselines baselines, long shares, Duration patience) throws Exception {
        try (Connection c = baselines.connect();
                Statement s = c.createStatement()) {
            try {
                Awaitility.await()
                        .atMost(patience)
                        .pollInterval(Duration.ofMillis(500))
                        .pollInSameThread()
                        .until(() -> CatchUp.of(s, shares).done());
            } catch (ConditionTimeoutException e) {
                throw new IllegalStateException(
                        "the gateway did not catch up in " + patience + ": " + CatchUp.of(s, shares), e);
            }
        }
    }

    /** How far the gateway's writers are behind the event store (see {@link #awaitCatchUp}). */
    private record CatchUp(long events, long leaves, long shares, long projected, long handled, long lastShare) {

        static CatchUp of(Statement s, long shares) throws Exception {
            // The feed serves a leaf only once every segment of the "shares" processor has passed
            // it (gap-aware tokens as Jackson JSON: the lowest gap, else the index).
            return new CatchUp(
                    count(s, "select count(*) from domain_event_entry"),
                    count(s, "select count(*) from merkle_leaf"),
                    shares,
                    count(s, "select count(*) from share_view"),
                    count(
                            s,
                            "select coalesce(min(case when jsonb_array_length(t -> 'gaps') > 0"
                                    + " then (t -> 'gaps' ->> 0)::bigint - 1 else (t ->> 'index')::bigint end), -1)"
                                    + " from (select convert_from(token, 'UTF8')::jsonb t from token_entry"
                                    + " where processor_name = 'shares' and token is not null) x"),
                    count(
                            s,
                            "select coalesce(max(global_index), -1) from domain_event_entry"
                                    + " where payload_type like '%.IntelligenceShared'"));
        }

        boolean done() {
            return leaves >= events && projected >= shares && handled >= lastShare;
        }

        @Override
        public String toString() {
            return leaves + " leaves of " + events + " events, " + projected + " of " + shares
                    + " shares projected, shares processor at " + handled + " of " + lastShare;
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void log(String format, Object... args) {
        System.err.printf("[%s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    }
}
