package io.interdict.gateway.security;

/**
 * What the gateway knows about an enrolled partner that a token does not say: its kind and whether
 * it is suspended (PRODUCT.md §1, §2).
 *
 * @param partnerId the partner id, as in the token's partner claim.
 * @param kind the partner's kind (signal provider, investigator, border authority, auditor,
 *     operator).
 * @param suspended a suspended partner can neither push nor pull.
 */
public record PartnerStatus(String partnerId, String kind, boolean suspended) {}
