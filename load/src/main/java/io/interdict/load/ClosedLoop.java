package io.interdict.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code clients} threads, each calling its own {@link Client} back to back (a closed loop: the next
 * call starts when the previous one answered) for a warm-up and then a measured window. A call
 * counts when it completes inside the window, so throughput is the completion rate in the window.
 */
final class ClosedLoop {

    /** One client's connection or session; a call answers the units it did (rows, shares), or -1 on error. */
    interface Client extends AutoCloseable {
        long call() throws Exception;

        @Override
        default void close() throws Exception {}
    }

    @FunctionalInterface
    interface ClientFactory {
        Client open(int index) throws Exception;
    }

    /** What a run measured: units and calls completed in the window, errors, and call latencies. */
    record Outcome(long units, long calls, long errors, double seconds, Latencies latencies, String firstError) {
        double unitsPerSecond() {
            return units / seconds;
        }
    }

    private ClosedLoop() {}

    static Outcome run(int clients, Duration warmup, Duration window, ClientFactory factory) throws Exception {
        List<Client> opened = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                opened.add(factory.open(i));
            }
            AtomicLong units = new AtomicLong();
            AtomicLong calls = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            AtomicReference<String> firstError = new AtomicReference<>();
            List<Latencies> latencies = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            long[] bounds = new long[2];
            for (int i = 0; i < clients; i++) {
                Client client = opened.get(i);
                Latencies mine = new Latencies();
                latencies.add(mine);
                Thread thread = new Thread(
                        () -> {
                            try {
                                start.await();
                            } catch (InterruptedException e) {
                                return;
                            }
                            long windowStart = bounds[0];
                            long windowEnd = bounds[1];
                            long myUnits = 0;
                            long myCalls = 0;
                            while (true) {
                                long before = System.nanoTime();
                                if (before >= windowEnd) {
                                    break;
                                }
                                long done;
                                try {
                                    done = client.call();
                                } catch (Exception e) {
                                    firstError.compareAndSet(null, e.toString());
                                    done = -1;
                                }
                                long after = System.nanoTime();
                                if (after < windowStart || after > windowEnd) {
                                    continue;
                                }
                                if (done < 0) {
                                    errors.incrementAndGet();
                                    continue;
                                }
                                myUnits += done;
                                myCalls++;
                                mine.add(after - before);
                            }
                            units.addAndGet(myUnits);
                            calls.addAndGet(myCalls);
                        },
                        "load-client-" + i);
                threads.add(thread);
                thread.start();
            }
            long now = System.nanoTime();
            bounds[0] = now + warmup.toNanos();
            bounds[1] = bounds[0] + window.toNanos();
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            return new Outcome(
                    units.get(),
                    calls.get(),
                    errors.get(),
                    window.toNanos() / 1e9,
                    Latencies.merge(latencies),
                    firstError.get());
        } finally {
            for (Client client : opened) {
                client.close();
            }
        }
    }
}
