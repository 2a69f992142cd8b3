package io.interdict.gateway.audit;

import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import io.interdict.domain.share.IntelligenceShareAmended;
import io.interdict.domain.share.IntelligenceShareAudienceExtended;
import io.interdict.domain.share.IntelligenceShareWithdrawn;
import io.interdict.domain.share.IntelligenceShared;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A share as its events said it was at an instant: the facts §3 decides visibility on, and its version. */
public record ShareState(
        String shareId,
        String provider,
        RecordKind kind,
        Tlp marking,
        Set<String> audience,
        int version,
        boolean withdrawn) {

    public ShareState {
        audience = audience == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(audience));
    }

    /** Folds the share's events recorded by {@code asOf}; empty when it was not pushed yet. */
    public static Optional<ShareState> asOf(List<TimedEvent> events, Instant asOf) {
        ShareState state = null;
        for (TimedEvent event : events) {
            if (!event.recordedBy(asOf)) {
                continue;
            }
            Object payload = event.payload();
            if (payload instanceof IntelligenceShared shared) {
                state = new ShareState(
                        shared.shareId(),
                        shared.provider(),
                        shared.kind(),
                        shared.marking(),
                        shared.audience(),
                        shared.version(),
                        false);
            } else if (state != null && payload instanceof IntelligenceShareAmended amended) {
                state = new ShareState(
                        state.shareId,
                        state.provider,
                        amended.kind(),
                        amended.marking(),
                        amended.audience(),
                        amended.version(),
                        state.withdrawn);
            } else if (state != null && payload instanceof IntelligenceShareAudienceExtended extended) {
                state = new ShareState(
                        state.shareId,
                        state.provider,
                        state.kind,
                        state.marking,
                        extended.audience(),
                        state.version,
                        state.withdrawn);
            } else if (state != null && payload instanceof IntelligenceShareWithdrawn) {
                state = new ShareState(
                        state.shareId, state.provider, state.kind, state.marking, state.audience, state.version, true);
            }
        }
        return Optional.ofNullable(state);
    }
}
