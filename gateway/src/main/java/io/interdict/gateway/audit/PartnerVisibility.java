package io.interdict.gateway.audit;

import io.interdict.domain.common.PartnerKind;

/**
 * Whether one partner could see a record at an instant, and by which rule; {@code reason} says why
 * not when it could not (null when it could).
 */
public record PartnerVisibility(
        String partner, PartnerKind kind, boolean suspended, boolean visible, RecordRule rule, String reason) {

    static PartnerVisibility visible(PartnerFacts partner, RecordRule rule) {
        return new PartnerVisibility(partner.partnerId(), partner.kind(), partner.suspended(), true, rule, null);
    }

    static PartnerVisibility notVisible(PartnerFacts partner, String reason) {
        return new PartnerVisibility(
                partner.partnerId(), partner.kind(), partner.suspended(), false, RecordRule.NOT_VISIBLE, reason);
    }
}
