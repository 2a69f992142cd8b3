package io.interdict.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharingAgreementPolicyTest {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    static final Instant AT = Instant.parse("2026-11-30T09:12:44Z");

    static final AgreementFact AMAZON_TO_CBP = new AgreementFact(
            "agr-1",
            "amazon",
            "cbp",
            Set.of(RecordKind.COUNTERFEIT_PRODUCT, RecordKind.COUNTERFEIT_SELLER),
            Tlp.AMBER,
            FROM,
            UNTIL,
            null);

    static final AgreementFact AMAZON_TO_IPR = new AgreementFact(
            "agr-2", "amazon", "ipr-center", Set.of(RecordKind.COUNTERFEIT_PRODUCT), Tlp.RED, FROM, null, null);

    private final SharingAgreementPolicy policy = new SharingAgreementPolicy();

    private PolicyDecision decide(Set<String> audience, Tlp marking, Instant at, List<AgreementFact> agreements) {
        return policy.decide("amazon", audience, RecordKind.COUNTERFEIT_PRODUCT, marking, at, agreements);
    }

    @Test
    void agreementInForceCoveringKindAndMarkingAllowsTheRecipient() {
        assertThat(decide(Set.of("cbp", "ipr-center"), Tlp.AMBER, AT, List.of(AMAZON_TO_CBP, AMAZON_TO_IPR)))
                .isEqualTo(PolicyDecision.allow());
    }

    @Test
    void markingBelowTheAgreedMaximumIsCovered() {
        assertThat(decide(Set.of("cbp"), Tlp.GREEN, AT, List.of(AMAZON_TO_CBP)).allowed())
                .isTrue();
    }

    @Test
    void shareWithoutAudienceNeedsNoAgreement() {
        assertThat(decide(Set.of(), Tlp.CLEAR, AT, List.of()).allowed()).isTrue();
        assertThat(decide(Set.of(), Tlp.RED, AT, List.of()).allowed()).isTrue();
    }

    @Test
    void namedRecipientOfAGreenShareStillNeedsAnAgreement() {
        assertThat(decide(Set.of("dhl"), Tlp.GREEN, AT, List.of(AMAZON_TO_CBP)).reason())
                .isEqualTo("no sharing agreement in force from amazon to dhl covering COUNTERFEIT_PRODUCT up to"
                        + " TLP:GREEN");
    }

    @Test
    void markingAboveTheAgreedMaximumIsRefusedNamingTheMissingAgreement() {
        PolicyDecision decision = decide(Set.of("cbp"), Tlp.RED, AT, List.of(AMAZON_TO_CBP));
        assertThat(decision.rejected()).isTrue();
        assertThat(decision.reason())
                .isEqualTo(
                        "no sharing agreement in force from amazon to cbp covering COUNTERFEIT_PRODUCT up to TLP:RED");
    }

    @Test
    void kindOutsideTheAgreementIsRefused() {
        PolicyDecision decision =
                policy.decide("amazon", Set.of("ipr-center"), RecordKind.FRAUD, Tlp.AMBER, AT, List.of(AMAZON_TO_IPR));
        assertThat(decision.reason())
                .isEqualTo("no sharing agreement in force from amazon to ipr-center covering FRAUD up to TLP:AMBER");
    }

    @Test
    void firstRecipientWithoutAnAgreementIsNamed() {
        assertThat(decide(Set.of("zeta", "cbp", "dhl"), Tlp.AMBER, AT, List.of(AMAZON_TO_CBP))
                        .reason())
                .contains("from amazon to dhl ");
    }

    @Test
    void agreementNotYetValidIsNotInForce() {
        assertThat(decide(Set.of("cbp"), Tlp.AMBER, FROM.minusSeconds(1), List.of(AMAZON_TO_CBP))
                        .allowed())
                .isFalse();
    }

    @Test
    void agreementIsInForceFromItsFirstInstant() {
        assertThat(decide(Set.of("cbp"), Tlp.AMBER, FROM, List.of(AMAZON_TO_CBP))
                        .allowed())
                .isTrue();
    }

    @Test
    void expiredAgreementIsNotInForce() {
        assertThat(decide(Set.of("cbp"), Tlp.AMBER, UNTIL, List.of(AMAZON_TO_CBP))
                        .allowed())
                .isFalse();
    }

    @Test
    void revokedAgreementIsNotInForceFromItsRevocation() {
        AgreementFact revoked = new AgreementFact(
                "agr-1", "amazon", "cbp", AMAZON_TO_CBP.kinds(), Tlp.AMBER, FROM, UNTIL, AT.minusSeconds(60));
        assertThat(decide(Set.of("cbp"), Tlp.AMBER, AT, List.of(revoked)).allowed())
                .isFalse();
        assertThat(decide(Set.of("cbp"), Tlp.AMBER, AT.minusSeconds(61), List.of(revoked))
                        .allowed())
                .isTrue();
    }

    @Test
    void agreementInTheOtherDirectionDoesNotCount() {
        AgreementFact reverse = new AgreementFact(
                "agr-3", "cbp", "amazon", Set.of(RecordKind.COUNTERFEIT_PRODUCT), Tlp.RED, FROM, null, null);
        assertThat(policy.decide(
                                "amazon",
                                Set.of("cbp"),
                                RecordKind.COUNTERFEIT_PRODUCT,
                                Tlp.AMBER,
                                AT,
                                List.of(reverse))
                        .allowed())
                .isFalse();
    }

    @Test
    void anyOneCoveringAgreementSuffices() {
        AgreementFact narrow = new AgreementFact(
                "agr-4", "amazon", "cbp", Set.of(RecordKind.COUNTERFEIT_PRODUCT), Tlp.GREEN, FROM, null, null);
        AgreementFact wide = new AgreementFact(
                "agr-5", "amazon", "cbp", Set.of(RecordKind.COUNTERFEIT_PRODUCT), Tlp.RED, FROM, null, null);
        assertThat(decide(Set.of("cbp"), Tlp.RED, AT, List.of(narrow, wide)).allowed())
                .isTrue();
    }
}
