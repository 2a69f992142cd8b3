package io.interdict.domain.common;

/** What a partner is to the exchange (PRODUCT.md §1); it bounds what any scope may allow. */
public enum PartnerKind {
    SIGNAL_PROVIDER,
    INVESTIGATOR,
    BORDER_AUTHORITY,
    AUDITOR,
    OPERATOR
}
