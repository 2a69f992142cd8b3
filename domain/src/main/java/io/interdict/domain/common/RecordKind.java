package io.interdict.domain.common;

/** The kinds of intelligence a share can carry (PRODUCT.md §2); agreements are signed per kind. */
public enum RecordKind {
    COUNTERFEIT_SELLER,
    COUNTERFEIT_PRODUCT,
    SUSPECT_SHIPMENT,
    PRICE_GOUGING,
    FRAUD
}
