package io.interdict.gateway.audit;

import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.policy.ShareVisibilityPolicy;
import io.interdict.domain.policy.ShareVisibilityPolicy.Reader;
import io.interdict.domain.policy.ShareVisibilityPolicy.ShareFacts;
import io.interdict.domain.policy.ShareVisibilityPolicy.Visibility;
import java.util.Set;

/**
 * PRODUCT.md §3 per record kind, as pure functions of facts replayed to an instant: one partner, the
 * record's aggregate as of then. A suspended partner sees nothing (§2: it can neither push nor pull);
 * auditors see everything else. Shares are decided by the domain's {@link ShareVisibilityPolicy},
 * never re-implemented here.
 */
public final class RecordVisibility {

    static final String SUSPENDED = "suspended at that instant";

    private static final ShareVisibilityPolicy SHARES = new ShareVisibilityPolicy();

    private RecordVisibility() {}

    /**
     * @param linkingInvestigationsLedByPartner investigations led by {@code partner} that had linked
     *     the share as evidence by then
     */
    public static PartnerVisibility share(
            PartnerFacts partner, ShareState share, Set<String> linkingInvestigationsLedByPartner) {
        Visibility decision = SHARES.decide(
                new Reader(partner.partnerId(), partner.kind(), partner.suspended(), true),
                new ShareFacts(share.provider(), share.marking(), share.audience(), share.withdrawn()),
                linkingInvestigationsLedByPartner);
        if (decision.visible()) {
            return PartnerVisibility.visible(partner, RecordRule.of(decision.rule()));
        }
        if (partner.suspended()) {
            return PartnerVisibility.notVisible(partner, SUSPENDED);
        }
        return PartnerVisibility.notVisible(
                partner,
                "neither the provider nor in the audience of a "
                        + share.marking().label() + " share"
                        + switch (share.marking()) {
                            case AMBER -> ", and led no investigation that had linked it";
                            case AMBER_STRICT, RED -> ", which only they may see";
                            default -> "";
                        });
    }

    /** An inspection request: the requester, every border authority, the carrier of the shipment. */
    public static PartnerVisibility inspection(PartnerFacts partner, InspectionState inspection) {
        if (partner.suspended()) {
            return PartnerVisibility.notVisible(partner, SUSPENDED);
        }
        if (partner.kind() == PartnerKind.AUDITOR) {
            return PartnerVisibility.visible(partner, RecordRule.AUDITOR);
        }
        if (partner.partnerId().equals(inspection.requestingAgency())) {
            return PartnerVisibility.visible(partner, RecordRule.REQUESTER);
        }
        if (partner.kind() == PartnerKind.BORDER_AUTHORITY) {
            return PartnerVisibility.visible(partner, RecordRule.BORDER_AUTHORITY);
        }
        if (partner.partnerId().equals(inspection.carrier())) {
            return PartnerVisibility.visible(partner, RecordRule.CARRIER);
        }
        return PartnerVisibility.notVisible(partner, "neither the requester, a border authority nor the carrier");
    }

    /**
     * An investigation: its lead agency and auditors; an outcome record also the providers of the
     * shares linked as evidence by then (feedback).
     *
     * @param outcomeRecord the record is an {@code InvestigationOutcomeRecorded}
     * @param linkedShareProviders providers of the shares the investigation had linked by then
     */
    public static PartnerVisibility investigation(
            PartnerFacts partner,
            InvestigationState investigation,
            boolean outcomeRecord,
            Set<String> linkedShareProviders) {
        if (partner.suspended()) {
            return PartnerVisibility.notVisible(partner, SUSPENDED);
        }
        if (partner.kind() == PartnerKind.AUDITOR) {
            return PartnerVisibility.visible(partner, RecordRule.AUDITOR);
        }
        if (partner.partnerId().equals(investigation.leadAgency())) {
            return PartnerVisibility.visible(partner, RecordRule.LEAD_AGENCY);
        }
        if (outcomeRecord && linkedShareProviders.contains(partner.partnerId())) {
            return PartnerVisibility.visible(partner, RecordRule.LINKED_SHARE_PROVIDER);
        }
        return PartnerVisibility.notVisible(
                partner,
                outcomeRecord ? "neither the lead agency nor the provider of a linked share" : "not the lead agency");
    }

    /**
     * Records §3 gives to nobody but auditors: partner enrolments and keys, sharing agreements,
     * access records. No partner endpoint serves them as records.
     */
    public static PartnerVisibility auditorsOnly(PartnerFacts partner, String recordKind) {
        if (partner.suspended()) {
            return PartnerVisibility.notVisible(partner, SUSPENDED);
        }
        if (partner.kind() == PartnerKind.AUDITOR) {
            return PartnerVisibility.visible(partner, RecordRule.AUDITOR);
        }
        return PartnerVisibility.notVisible(partner, recordKind + " records are served to auditors only");
    }
}
