package io.interdict.gateway.axon;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/segments}: which segments of each event processor this node owns now, its
 * fair share, and how many nodes it counts. The same numbers as the gauge
 * {@code interdict_processor_segments{processor=…}}, with the segment ids.
 */
@Component
@Endpoint(id = "segments")
class OwnedSegmentsEndpoint {

    /** The answer: this node, the live nodes it counted, and per processor what it owns. */
    public record Segments(String node, int liveNodes, Map<String, SegmentBalancer.Ownership> processors) {}

    private final SegmentBalancer balancer;

    OwnedSegmentsEndpoint(SegmentBalancer balancer) {
        this.balancer = balancer;
    }

    @ReadOperation
    public Segments segments() {
        return new Segments(GatewayNode.ID, balancer.liveNodes(), balancer.ownership());
    }
}
