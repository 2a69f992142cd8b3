package io.interdict.gateway.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.boot.test.context.TestConfiguration;

/** Collects {@link ProbeRecorded} events as a pooled streaming processor delivers them. */
@TestConfiguration(proxyBeanMethods = false)
@ProcessingGroup("foundation-probe")
public class ProbeProjection {

    public record Seen(ProbeRecorded event, long globalIndex) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(ProbeRecorded event, TrackingToken token) {
        long index = token instanceof GlobalSequenceTrackingToken global ? global.getGlobalIndex() : -1;
        seen.add(new Seen(event, index));
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }
}
