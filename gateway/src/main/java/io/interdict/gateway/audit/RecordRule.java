package io.interdict.gateway.audit;

import io.interdict.domain.policy.VisibilityRule;

/**
 * The rule of PRODUCT.md §3 by which a partner could see a record: those of {@link VisibilityRule}
 * for shares, and those §3 gives inspection requests and investigations; {@link #NOT_VISIBLE}
 * otherwise.
 */
public enum RecordRule {
    /** Auditors see everything. */
    AUDITOR,
    /** Share: the partner that pushed it. */
    PROVIDER,
    /** Share: a partner named in its audience. */
    AUDIENCE,
    /** Share: TLP:CLEAR or TLP:GREEN, every enrolled, unsuspended partner. */
    PUBLIC_MARKING,
    /** Share: TLP:AMBER, the lead of an investigation that had linked it. */
    INVESTIGATION_LINK,
    /** Inspection request: the agency that requested it. */
    REQUESTER,
    /** Inspection request: every border authority. */
    BORDER_AUTHORITY,
    /** Inspection request: the carrier of the shipment. */
    CARRIER,
    /** Investigation: its lead agency. */
    LEAD_AGENCY,
    /** Investigation outcome: the provider of a share the investigation had linked (feedback). */
    LINKED_SHARE_PROVIDER,
    NOT_VISIBLE;

    static RecordRule of(VisibilityRule rule) {
        return valueOf(rule.name());
    }
}
