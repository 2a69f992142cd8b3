package io.interdict.gateway.axon;

import io.interdict.config.ProcessorSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Splits the segments of every streaming processor evenly between the gateway nodes connected to
 * the database. Axon's pooled processors claim every unclaimed segment they find, so the first node
 * to start would otherwise keep all of them. Every {@code interdict.processors.balance-interval}
 * each node counts the live nodes (the sessions in {@code pg_stat_activity} named
 * {@code interdict-gateway/<node>}, see {@link GatewayNode}), caps its claims at its fair share
 * (the processors' {@code maxSegmentProvider}) and releases what it holds above it, which another
 * node then claims. A dead node's sessions vanish with its process, so the survivors' share grows
 * at once and they claim its segments as soon as its claims time out.
 *
 * <p>The fair shares are the only state kept here; they are recomputed from the database every
 * round, never trusted across rounds for anything but the claim cap.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    /** What a node reports about one processor: the segments it owns and its fair share. */
    public record Ownership(SortedSet<Integer> owned, int segments, int fairShare) {}

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final ProcessorSettings settings;
    private final Map<String, Integer> fairShares = new ConcurrentHashMap<>();
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    private volatile int liveNodes = 1;
    private ScheduledExecutorService executor;

    SegmentBalancer(
            ObjectProvider<EventProcessingConfiguration> processing,
            JdbcTemplate jdbc,
            MeterRegistry meters,
            ProcessorSettings settings) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.meters = meters;
        this.settings = settings;
    }

    /** The most segments this node may claim of a processor; unlimited until the first round. */
    public int fairShare(String processorName) {
        return fairShares.getOrDefault(processorName, Integer.MAX_VALUE);
    }

    /** The gateway nodes connected to the database at the last round (this one included). */
    public int liveNodes() {
        return liveNodes;
    }

    /** Per processor, the segments this node owns now (from the processor itself, not the table). */
    public Map<String, Ownership> ownership() {
        Map<String, Ownership> answer = new TreeMap<>();
        for (StreamingEventProcessor processor : processors()) {
            String name = processor.getName();
            int fair = fairShare(name);
            answer.put(
                    name, new Ownership(owned(processor), segmentCount(name), fair == Integer.MAX_VALUE ? -1 : fair));
        }
        return answer;
    }

    void balance() {
        int nodes;
        try {
            Integer counted = jdbc.queryForObject(
                    "select count(distinct application_name) from pg_stat_activity"
                            + " where datname = current_database() and application_name like ?",
                    Integer.class,
                    GatewayNode.APPLICATION_NAME_PREFIX + "%");
            nodes = Math.max(1, counted == null ? 1 : counted);
        } catch (DataAccessException e) {
            log.debug("Cannot count the gateway nodes now; segment shares unchanged: {}", e.getMessage());
            return;
        }
        liveNodes = nodes;
        for (StreamingEventProcessor processor : processors()) {
            String name = processor.getName();
            if (gauged.add(name)) {
                Gauge.builder("interdict.processor.segments", processor, p -> owned(p).size())
                        .description("segments of the event processor claimed by this node")
                        .tag("processor", name)
                        .register(meters);
            }
            int segments = segmentCount(name);
            if (segments <= 0) {
                continue;
            }
            int fair = (segments + nodes - 1) / nodes;
            fairShares.put(name, fair);
            TreeSet<Integer> owned = owned(processor);
            List<Integer> excess = owned.descendingSet().stream()
                    .limit(Math.max(0, owned.size() - fair))
                    .toList();
            for (int segment : excess) {
                // Released for a few claim intervals: long enough for another node to claim it first.
                processor.releaseSegment(
                        segment, settings.claimInterval().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
            }
            if (!excess.isEmpty()) {
                log.info(
                        "Released segments {} of {} ({} nodes, fair share {} of {})",
                        excess,
                        name,
                        nodes,
                        fair,
                        segments);
            }
        }
    }

    private int segmentCount(String processorName) {
        try {
            Integer count = jdbc.queryForObject(
                    "select count(*) from token_entry where processor_name = ?", Integer.class, processorName);
            return count == null ? 0 : count;
        } catch (DataAccessException e) {
            return -1;
        }
    }

    private static TreeSet<Integer> owned(StreamingEventProcessor processor) {
        return new TreeSet<>(processor.processingStatus().keySet());
    }

    private List<StreamingEventProcessor> processors() {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        if (configuration == null) {
            return List.of();
        }
        return configuration.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.balanceInterval().toMillis();
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        balance();
                    } catch (RuntimeException e) {
                        log.warn("Segment balancing round failed: {}", e.toString());
                    }
                },
                0,
                interval,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
