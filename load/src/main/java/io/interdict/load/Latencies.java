package io.interdict.load;

import java.util.Arrays;
import java.util.List;

/** Latencies of one phase, in nanoseconds; one instance per client thread, merged at the end. */
final class Latencies {

    private long[] nanos = new long[4096];
    private int size;

    void add(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    int count() {
        return size;
    }

    static Latencies merge(List<Latencies> parts) {
        Latencies all = new Latencies();
        all.nanos =
                new long[Math.max(1, parts.stream().mapToInt(Latencies::count).sum())];
        for (Latencies part : parts) {
            System.arraycopy(part.nanos, 0, all.nanos, all.size, part.size);
            all.size += part.size;
        }
        Arrays.sort(all.nanos, 0, all.size);
        return all;
    }

    /**
     * The nearest-rank percentile (the smallest latency with at least {@code p} % of all at or
     * below it) in milliseconds, of a merged (sorted) instance; NaN when there is none.
     */
    double percentileMillis(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("expected a percentile in (0, 100], found " + p);
        }
        if (size == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * size);
        return nanos[Math.max(0, rank - 1)] / 1e6;
    }
}
