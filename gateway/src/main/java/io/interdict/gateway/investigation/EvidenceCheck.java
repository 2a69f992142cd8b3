package io.interdict.gateway.investigation;

import io.interdict.domain.common.Tlp;
import io.interdict.domain.policy.EvidenceLinkPolicy;
import io.interdict.domain.policy.PolicyDecision;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.util.Set;

/**
 * PRODUCT.md §3 for one share about to be linked: EvidenceLinkPolicy over the share's facts from
 * the share read model and the investigation's lead agency. Only asked once the share is known to
 * be visible to the caller, so a refusal never tells anything about a share the caller cannot see.
 */
final class EvidenceCheck {

    /** A share as {@code share_view} holds it. */
    record ShareFacts(String shareId, String provider, Tlp marking, Set<String> audience) {}

    private final EvidenceLinkPolicy policy = new EvidenceLinkPolicy();

    /** Refuses (422, {@code evidence-link-refused}) a share the policy does not let into the investigation. */
    void requireLinkable(ShareFacts share, String leadAgency) {
        PolicyDecision decision =
                policy.decide(share.shareId(), share.provider(), share.marking(), share.audience(), leadAgency);
        if (decision.rejected()) {
            throw new ApiProblemException(ApiProblem.EVIDENCE_LINK_REFUSED, "shareIds: " + decision.reason());
        }
    }
}
