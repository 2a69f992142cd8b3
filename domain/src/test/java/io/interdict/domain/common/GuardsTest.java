package io.interdict.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GuardsTest {

    @Test
    void missingActorIsInvalidInput() {
        assertThatThrownBy(() -> Guards.activeActor(null))
                .isInstanceOfSatisfying(
                        DomainRuleViolation.class,
                        violation -> assertThat(violation.reason()).isEqualTo(DomainRuleViolation.Reason.INVALID_INPUT))
                .hasMessageContaining("expected an acting partner with an id and a kind; found null");
    }

    @Test
    void suspendedActorIsNotPermittedAndNamed() {
        assertThatThrownBy(() -> Guards.activeActor(ActorFixtures.suspended(ActorFixtures.AMAZON)))
                .isInstanceOfSatisfying(
                        DomainRuleViolation.class,
                        violation -> assertThat(violation.reason()).isEqualTo(DomainRuleViolation.Reason.NOT_PERMITTED))
                .hasMessage("partner amazon is suspended; expected an active partner");
    }

    @Test
    void kindsAreDescribedAsProse() {
        assertThat(Guards.describe(PartnerKind.BORDER_AUTHORITY)).isEqualTo("a border authority");
        assertThat(Guards.describe(PartnerKind.INVESTIGATOR)).isEqualTo("an investigator");
        assertThat(Guards.describe(PartnerKind.AUDITOR)).isEqualTo("an auditor");
    }
}
