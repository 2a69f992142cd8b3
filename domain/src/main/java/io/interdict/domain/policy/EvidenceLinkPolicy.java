package io.interdict.domain.policy;

import io.interdict.domain.common.Tlp;
import java.util.Set;

/**
 * PRODUCT.md §3: a TLP:AMBER+STRICT or TLP:RED share may not be linked into an investigation led
 * by someone outside its audience. The provider counts as inside its own share's audience.
 */
public final class EvidenceLinkPolicy {

    public PolicyDecision decide(
            String shareId, String provider, Tlp marking, Set<String> audience, String leadAgency) {
        if (!marking.isStrict() || leadAgency.equals(provider) || (audience != null && audience.contains(leadAgency))) {
            return PolicyDecision.allow();
        }
        return PolicyDecision.reject("share " + shareId + " is marked " + marking.label() + " and " + leadAgency
                + ", the lead agency, is outside its audience; expected the provider or a named recipient to lead"
                + " an investigation it is linked into");
    }
}
