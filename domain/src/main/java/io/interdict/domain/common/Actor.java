package io.interdict.domain.common;

import java.util.Set;

/**
 * The partner sending a command, as the gateway knows it from its partner read model. It travels
 * with every command so that the aggregates can apply the role rules of PRODUCT.md §1.
 */
public record Actor(String partnerId, PartnerKind kind, Set<PartnerRole> roles, boolean suspended) {

    /** An unsuspended partner of the given kind with no trade roles. */
    public static Actor of(String partnerId, PartnerKind kind) {
        return new Actor(partnerId, kind, Set.of(), false);
    }

    public boolean is(PartnerKind expected) {
        return kind == expected;
    }

    public boolean hasRole(PartnerRole role) {
        return roles != null && roles.contains(role);
    }
}
