package io.interdict.domain.policy;

import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * PRODUCT.md §3: a provider can only name recipients with whom an agreement in force covers the
 * record kind and the marking; otherwise the push is refused naming the missing agreement. A share
 * with no audience names nobody and needs no agreement (only the provider, or everyone for
 * TLP:CLEAR and TLP:GREEN, sees it).
 */
public final class SharingAgreementPolicy {

    /**
     * Decides whether {@code provider} may name every recipient of {@code audience} at {@code at}.
     * Recipients are checked in sorted order, and the first one without an agreement is named.
     */
    public PolicyDecision decide(
            String provider,
            Set<String> audience,
            RecordKind kind,
            Tlp marking,
            Instant at,
            Collection<AgreementFact> agreements) {
        for (String recipient : audience == null ? Set.<String>of() : new TreeSet<>(audience)) {
            boolean covered = agreements.stream()
                    .anyMatch(agreement ->
                            agreement.inForceAt(at) && agreement.covers(provider, recipient, kind, marking));
            if (!covered) {
                return PolicyDecision.reject("no sharing agreement in force from " + provider + " to " + recipient
                        + " covering " + kind + " up to " + marking.label());
            }
        }
        return PolicyDecision.allow();
    }
}
