package io.interdict.domain.share;

/** What a provider did on the strength of its own share (PRODUCT.md §1, §2). */
public enum ProviderActionType {
    INVENTORY_SIDELINED,
    LISTING_REMOVED,
    SELLER_BLOCKED,
    SHIPMENT_HELD,
    OTHER
}
