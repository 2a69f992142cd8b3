package io.interdict.gateway.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Collects {@link ProbeRecorded} events as a pooled streaming processor delivers them. A probe whose
 * note starts with {@value #FAIL_ONCE} makes the handler throw the first time it sees it.
 */
@TestConfiguration(proxyBeanMethods = false)
@ProcessingGroup("foundation-probe")
public class ProbeProjection {

    public record Seen(ProbeRecorded event, long globalIndex) {}

    public static final String FAIL_ONCE = "fail-once:";

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    @EventHandler
    void on(ProbeRecorded event, TrackingToken token) {
        int attempt = attempts.merge(event.probeId(), 1, Integer::sum);
        if (event.note().startsWith(FAIL_ONCE) && attempt == 1) {
            throw new IllegalStateException("probe " + event.probeId() + " fails on its first delivery");
        }
        long index = token instanceof GlobalSequenceTrackingToken global ? global.getGlobalIndex() : -1;
        seen.add(new Seen(event, index));
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** How many times the handler was called for the probe. */
    public int attempts(String probeId) {
        return attempts.getOrDefault(probeId, 0);
    }
}
