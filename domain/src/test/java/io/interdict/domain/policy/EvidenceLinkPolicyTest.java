package io.interdict.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.interdict.domain.common.Tlp;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EvidenceLinkPolicyTest {

    private final EvidenceLinkPolicy policy = new EvidenceLinkPolicy();

    @ParameterizedTest
    @EnumSource(
            value = Tlp.class,
            names = {"CLEAR", "GREEN", "AMBER"})
    void lessStrictSharesMayBeLinkedByAnyLead(Tlp marking) {
        assertThat(policy.decide("s-1", "amazon", marking, Set.of("cbp"), "ipr-center"))
                .isEqualTo(PolicyDecision.allow());
    }

    @ParameterizedTest
    @EnumSource(
            value = Tlp.class,
            names = {"AMBER_STRICT", "RED"})
    void strictSharesMayBeLinkedByALeadInTheAudience(Tlp marking) {
        assertThat(policy.decide("s-1", "amazon", marking, Set.of("ipr-center"), "ipr-center")
                        .allowed())
                .isTrue();
    }

    @Test
    void strictShareMayBeLinkedByItsProvider() {
        assertThat(policy.decide("s-1", "ipr-center", Tlp.RED, Set.of(), "ipr-center")
                        .allowed())
                .isTrue();
    }

    @Test
    void redShareMayNotBeLinkedByALeadOutsideItsAudience() {
        PolicyDecision decision = policy.decide("s-1", "amazon", Tlp.RED, Set.of("cbp"), "ipr-center");
        assertThat(decision.rejected()).isTrue();
        assertThat(decision.reason())
                .isEqualTo("share s-1 is marked TLP:RED and ipr-center, the lead agency, is outside its audience;"
                        + " expected the provider or a named recipient to lead an investigation it is linked into");
    }

    @Test
    void amberStrictShareMayNotBeLinkedByALeadOutsideItsAudience() {
        assertThat(policy.decide("s-1", "amazon", Tlp.AMBER_STRICT, Set.of(), "ipr-center")
                        .reason())
                .contains("is marked TLP:AMBER+STRICT and ipr-center");
    }
}
