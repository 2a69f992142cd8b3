package io.interdict.gateway.audit;

import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.PartnerRole;
import io.interdict.domain.partner.PartnerEnrolled;
import io.interdict.domain.partner.PartnerReinstated;
import io.interdict.domain.partner.PartnerSuspended;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A partner as its own events said it was at an instant: enrolled with a kind, suspended or not. */
public record PartnerFacts(String partnerId, PartnerKind kind, Set<PartnerRole> roles, boolean suspended) {

    /**
     * Folds one partner's events recorded by {@code asOf}, in stream order; empty when the partner
     * was not enrolled yet.
     */
    public static Optional<PartnerFacts> asOf(List<TimedEvent> events, Instant asOf) {
        PartnerFacts facts = null;
        for (TimedEvent event : events) {
            if (!event.recordedBy(asOf)) {
                continue;
            }
            Object payload = event.payload();
            if (payload instanceof PartnerEnrolled enrolled) {
                facts = new PartnerFacts(
                        enrolled.partnerId(),
                        enrolled.kind(),
                        enrolled.roles() == null ? Set.of() : Set.copyOf(enrolled.roles()),
                        false);
            } else if (facts != null && payload instanceof PartnerSuspended) {
                facts = facts.withSuspended(true);
            } else if (facts != null && payload instanceof PartnerReinstated) {
                facts = facts.withSuspended(false);
            }
        }
        return Optional.ofNullable(facts);
    }

    PartnerFacts withSuspended(boolean value) {
        return new PartnerFacts(partnerId, kind, roles, value);
    }
}
