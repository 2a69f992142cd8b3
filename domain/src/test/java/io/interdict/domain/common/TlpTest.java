package io.interdict.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TlpTest {

    @Test
    void markingsAreOrderedByRestrictiveness() {
        assertThat(Tlp.values()).containsExactly(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED);
        assertThat(Tlp.RED.isMoreRestrictiveThan(Tlp.AMBER)).isTrue();
        assertThat(Tlp.AMBER.isMoreRestrictiveThan(Tlp.RED)).isFalse();
        assertThat(Tlp.AMBER.isMoreRestrictiveThan(Tlp.AMBER)).isFalse();
    }

    @Test
    void labelsAreTheWireForm() {
        assertThat(Tlp.AMBER_STRICT.label()).isEqualTo("TLP:AMBER+STRICT");
        assertThat(Tlp.CLEAR.label()).isEqualTo("TLP:CLEAR");
    }

    @ParameterizedTest
    @EnumSource(Tlp.class)
    void everyLabelReadsBackAsItsMarking(Tlp tlp) {
        assertThat(Tlp.fromLabel(tlp.label())).isEqualTo(tlp);
    }

    @Test
    void unknownLabelIsInvalidInputNamingTheAcceptedLabels() {
        assertThatThrownBy(() -> Tlp.fromLabel("TLP:WHITE"))
                .isInstanceOfSatisfying(
                        DomainRuleViolation.class,
                        violation -> assertThat(violation.reason()).isEqualTo(DomainRuleViolation.Reason.INVALID_INPUT))
                .hasMessage("expected a TLP marking, one of TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT,"
                        + " TLP:RED; found 'TLP:WHITE'");
    }

    @Test
    void enumNameIsNotALabel() {
        assertThatThrownBy(() -> Tlp.fromLabel("AMBER_STRICT")).hasMessageContaining("found 'AMBER_STRICT'");
    }

    @Test
    void missingLabelIsInvalidInput() {
        assertThatThrownBy(() -> Tlp.fromLabel(null)).hasMessageEndingWith("found nothing");
    }

    @Test
    void onlyAmberStrictAndRedAreStrict() {
        assertThat(Tlp.AMBER_STRICT.isStrict()).isTrue();
        assertThat(Tlp.RED.isStrict()).isTrue();
        assertThat(Tlp.AMBER.isStrict()).isFalse();
        assertThat(Tlp.GREEN.isPublic()).isTrue();
        assertThat(Tlp.AMBER.isPublic()).isFalse();
    }
}
