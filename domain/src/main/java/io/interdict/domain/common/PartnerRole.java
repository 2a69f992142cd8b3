package io.interdict.domain.common;

/** What a signal provider does in the trade: a carrier may acknowledge holds on its own shipments. */
public enum PartnerRole {
    CARRIER,
    MARKETPLACE
}
