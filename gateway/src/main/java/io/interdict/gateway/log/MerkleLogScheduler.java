package io.interdict.gateway.log;

import io.interdict.config.LogSettings;
import io.interdict.gateway.startup.InvalidSettingException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link MerkleLogWriter#appendRound()} on every node, every {@code interdict.log.append-interval}
 * after the previous round ended, on one dedicated thread. Started after every other bean and
 * stopped before the database goes away; a failed round is logged and the next one tries again.
 */
@Component
class MerkleLogScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MerkleLogScheduler.class);

    private final MerkleLogWriter writer;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private volatile boolean failing;

    MerkleLogScheduler(MerkleLogWriter writer, LogSettings settings) {
        if (settings.appendInterval().toMillis() < 1
                || settings.treeHeadInterval().isNegative()
                || settings.gapHorizon().isNegative()) {
            throw new InvalidSettingException(
                    "interdict.log",
                    "append-interval must be at least 1ms, tree-head-interval and gap-horizon not negative");
        }
        this.writer = writer;
        this.interval = settings.appendInterval();
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "merkle-log-writer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runRound, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void runRound() {
        try {
            writer.appendRound();
            if (failing) {
                log.info("Merkle log append rounds succeed again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // An exception escaping would cancel every later round; one report per outage, not one per round.
            if (!failing) {
                log.warn("Merkle log append round failed; nothing of it was stored, retrying every {}", interval, e);
                failing = true;
            } else {
                log.debug("Merkle log append round failed again", e);
            }
        }
    }
}
