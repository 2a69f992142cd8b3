package io.interdict.gateway.security;

import java.util.Optional;

/**
 * Looks up an enrolled partner's status on every {@code /api/v1} request, so that a suspension
 * takes effect on the next request (PRODUCT.md §3). Implemented from each partner's own event
 * stream ({@code io.interdict.gateway.partner.RegistryPartnerStatuses}), never from a cache.
 */
public interface PartnerStatuses {

    /** The partner's status, or empty when no partner with this id is enrolled. */
    Optional<PartnerStatus> find(String partnerId);
}
