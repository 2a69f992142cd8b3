package io.interdict.domain.policy;

/** The rule of PRODUCT.md §3 by which a partner sees a share, or {@link #NOT_VISIBLE}. */
public enum VisibilityRule {
    /** Auditors see everything. */
    AUDITOR,
    /** TLP:CLEAR and TLP:GREEN: every enrolled, unsuspended partner. */
    PUBLIC_MARKING,
    /** The partner that pushed the share. */
    PROVIDER,
    /** A partner named in the audience. */
    AUDIENCE,
    /** TLP:AMBER (not +STRICT): the lead of an investigation that linked the share. */
    INVESTIGATION_LINK,
    NOT_VISIBLE
}
