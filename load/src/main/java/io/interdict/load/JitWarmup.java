package io.interdict.load;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * Warms the gateway up until its JIT compilers have settled, so that what is measured afterwards is
 * the compiled gateway, not the compiler: on two cores a freshly started gateway's compilers still
 * took a quarter of the machine 50 s into load, and push throughput after a 100 s warm-up was 1.6
 * times that after 20 s (BENCHMARKS.md, session 4). Load runs in rounds; after each round the
 * gateway's own compilation time (Micrometer's {@code jvm_compilation_time_ms_total}) is read, and
 * the warm-up ends once the minimum has passed and a round's compilation time is below
 * {@link #SETTLED} of its wall time, or at the maximum, settled or not. A gateway that does not
 * publish the metric gets the minimum only.
 */
final class JitWarmup {

    /** Compilation time per wall time below which the compilers count as settled. */
    static final double SETTLED = 0.05;

    static final Duration ROUND = Duration.ofSeconds(10);

    /** The gateway's total compilation time so far, in milliseconds, if it publishes it. */
    @FunctionalInterface
    interface CompilationClock {
        OptionalDouble millis() throws IOException;
    }

    /** One round of warm-up load of the given length. */
    @FunctionalInterface
    interface Round {
        void run(Duration length) throws Exception;
    }

    record Outcome(Duration took, boolean settled, Optional<Double> lastCompilerShare) {

        String describe() {
            String share = lastCompilerShare
                    .map(s -> String.format(Locale.ROOT, "; compilers %.1f %% of the last round", 100 * s))
                    .orElse("; the gateway publishes no compilation time");
            return String.format(
                    Locale.ROOT, "%d s, %s%s", took.toSeconds(), settled ? "settled" : "not settled", share);
        }
    }

    private JitWarmup() {}

    static Outcome run(CompilationClock compilation, Duration min, Duration max, Round load) throws Exception {
        return run(compilation, min, max, ROUND, load, System::nanoTime);
    }

    static Outcome run(
            CompilationClock compilation, Duration min, Duration max, Duration round, Round load, LongSupplier nanoTime)
            throws Exception {
        long start = nanoTime.getAsLong();
        OptionalDouble before = compilation.millis();
        Optional<Double> lastShare = Optional.empty();
        while (true) {
            long roundStart = nanoTime.getAsLong();
            load.run(round);
            long now = nanoTime.getAsLong();
            Duration took = Duration.ofNanos(now - start);
            OptionalDouble after = compilation.millis();
            if (before.isPresent() && after.isPresent()) {
                double wallMillis = (now - roundStart) / 1e6;
                lastShare = Optional.of((after.getAsDouble() - before.getAsDouble()) / wallMillis);
            }
            before = after;
            boolean settled = lastShare.isPresent() && lastShare.get() < SETTLED;
            if (took.compareTo(min) >= 0 && (settled || lastShare.isEmpty())) {
                return new Outcome(took, settled, lastShare);
            }
            if (took.compareTo(max) >= 0) {
                return new Outcome(took, false, lastShare);
            }
        }
    }
}
