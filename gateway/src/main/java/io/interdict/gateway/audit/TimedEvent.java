package io.interdict.gateway.audit;

import java.time.Instant;

/**
 * An event payload with the instant the gateway recorded it (the signed record's {@code recordedAt})
 * and the signed record's id: what a replay "as of an instant" needs.
 */
public record TimedEvent(String recordId, Instant recordedAt, Object payload) {

    /** Recorded at or before {@code asOf}: the replay includes it. */
    public boolean recordedBy(Instant asOf) {
        return !recordedAt.isAfter(asOf);
    }
}
