package io.interdict.gateway.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interdict.domain.common.Tlp;
import io.interdict.gateway.investigation.EvidenceCheck.ShareFacts;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The EvidenceLinkPolicy path of linking evidence. Through the API it is a second line: a strict
 * share whose audience excludes the lead is not visible to the lead, so the visibility check refuses
 * it first (InvestigationApiIT); the demo agreements cap named audiences at TLP:AMBER, so no strict
 * share visible to an outside lead can be pushed. Here the policy is fed facts directly.
 */
class EvidenceCheckTest {

    private final EvidenceCheck check = new EvidenceCheck();

    @Test
    void aRedShareIsNotLinkedIntoAnInvestigationLedFromOutsideItsAudience() {
        ShareFacts red = new ShareFacts("s-1", "amazon", Tlp.RED, Set.of("cbp"));

        assertThatThrownBy(() -> check.requireLinkable(red, "ipr-center"))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ApiProblem.EVIDENCE_LINK_REFUSED);
                    assertThat(ApiProblem.EVIDENCE_LINK_REFUSED.status().value())
                            .isEqualTo(422);
                })
                .hasMessageContaining("share s-1 is marked TLP:RED")
                .hasMessageContaining("ipr-center, the lead agency, is outside its audience");
    }

    @Test
    void anAmberStrictShareIsNotLinkedIntoAnInvestigationLedFromOutsideItsAudience() {
        ShareFacts strict = new ShareFacts("s-2", "amazon", Tlp.AMBER_STRICT, Set.of());

        assertThatThrownBy(() -> check.requireLinkable(strict, "ipr-center")).hasMessageContaining("TLP:AMBER+STRICT");
    }

    @Test
    void aStrictShareIsLinkedWhenTheLeadIsInItsAudience() {
        ShareFacts red = new ShareFacts("s-3", "amazon", Tlp.RED, Set.of("ipr-center"));

        assertThatCode(() -> check.requireLinkable(red, "ipr-center")).doesNotThrowAnyException();
    }

    @Test
    void anAmberShareIsLinkedWhateverItsAudience() {
        ShareFacts amber = new ShareFacts("s-4", "amazon", Tlp.AMBER, Set.of("cbp"));

        assertThatCode(() -> check.requireLinkable(amber, "ipr-center")).doesNotThrowAnyException();
    }
}
