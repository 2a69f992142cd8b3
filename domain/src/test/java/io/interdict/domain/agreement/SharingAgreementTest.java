package io.interdict.domain.agreement;

import static io.interdict.domain.common.ActorFixtures.AMAZON;
import static io.interdict.domain.common.ActorFixtures.CLOCK;
import static io.interdict.domain.common.ActorFixtures.NOW;
import static io.interdict.domain.common.ActorFixtures.OPERATOR;
import static io.interdict.domain.common.ActorFixtures.suspended;
import static io.interdict.domain.common.Refusals.refusedAs;
import static org.hamcrest.Matchers.containsString;

import io.interdict.domain.common.DomainRuleViolation;
import io.interdict.domain.common.DomainRuleViolation.Reason;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SharingAgreementTest {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

    static final SharingAgreementSigned SIGNED = new SharingAgreementSigned(
            "agr-1", "amazon", "cbp", Set.of(RecordKind.COUNTERFEIT_PRODUCT), Tlp.AMBER, FROM, UNTIL, "operator", NOW);

    private FixtureConfiguration<SharingAgreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SharingAgreement.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static SignSharingAgreement sign(String provider, String recipient, Instant from, Instant until) {
        return new SignSharingAgreement(
                "agr-1", provider, recipient, Set.of(RecordKind.COUNTERFEIT_PRODUCT), Tlp.AMBER, from, until, OPERATOR);
    }

    @Test
    void operatorSignsAgreement() {
        fixture.givenNoPriorActivity().when(sign("amazon", "cbp", FROM, UNTIL)).expectEvents(SIGNED);
    }

    @Test
    void agreementWithoutValidFromStartsNow() {
        fixture.givenNoPriorActivity()
                .when(sign("amazon", "cbp", null, null))
                .expectEvents(new SharingAgreementSigned(
                        "agr-1",
                        "amazon",
                        "cbp",
                        Set.of(RecordKind.COUNTERFEIT_PRODUCT),
                        Tlp.AMBER,
                        NOW,
                        null,
                        "operator",
                        NOW));
    }

    @Test
    void onlyAnOperatorSignsAgreements() {
        fixture.givenNoPriorActivity()
                .when(new SignSharingAgreement(
                        "agr-1", "amazon", "cbp", Set.of(RecordKind.FRAUD), Tlp.RED, FROM, UNTIL, AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(containsString(
                        "only an operator may sign a sharing agreement; found amazon, a signal provider"));
    }

    @Test
    void suspendedOperatorCannotSignAgreements() {
        fixture.givenNoPriorActivity()
                .when(new SignSharingAgreement(
                        "agr-1", "amazon", "cbp", Set.of(RecordKind.FRAUD), Tlp.RED, FROM, UNTIL, suspended(OPERATOR)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("partner operator is suspended"));
    }

    @Test
    void validityWindowMustEndAfterItBegins() {
        fixture.givenNoPriorActivity()
                .when(sign("amazon", "cbp", UNTIL, FROM))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_INPUT))
                .expectExceptionMessage(containsString(
                        "expected validUntil after validFrom 2027-01-01T00:00:00Z; found 2026-01-01T00:00:00Z"));
    }

    @Test
    void providerCannotBeItsOwnRecipient() {
        fixture.givenNoPriorActivity()
                .when(sign("amazon", "amazon", FROM, UNTIL))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_INPUT))
                .expectExceptionMessage(
                        containsString("expected a recipient other than the provider; found amazon on both sides"));
    }

    @Test
    void agreementCoversAtLeastOneKind() {
        fixture.givenNoPriorActivity()
                .when(new SignSharingAgreement("agr-1", "amazon", "cbp", Set.of(), Tlp.RED, FROM, UNTIL, OPERATOR))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected at least one record kind; found none"));
    }

    @Test
    void agreementNamesItsHighestMarking() {
        fixture.givenNoPriorActivity()
                .when(new SignSharingAgreement(
                        "agr-1", "amazon", "cbp", Set.of(RecordKind.FRAUD), null, FROM, UNTIL, OPERATOR))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected the highest marking (maxMarking) to be given"));
    }

    @Test
    void operatorRevokesAgreement() {
        fixture.given(SIGNED)
                .when(new RevokeSharingAgreement("agr-1", "contract ended", OPERATOR))
                .expectEvents(new SharingAgreementRevoked("agr-1", "contract ended", "operator", NOW));
    }

    @Test
    void onlyAnOperatorRevokesAgreements() {
        fixture.given(SIGNED)
                .when(new RevokeSharingAgreement("agr-1", null, AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("only an operator may revoke a sharing agreement"));
    }

    @Test
    void revokedAgreementStaysRevoked() {
        fixture.given(SIGNED, new SharingAgreementRevoked("agr-1", null, "operator", NOW))
                .when(new RevokeSharingAgreement("agr-1", null, OPERATOR))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(containsString(
                        "agreement agr-1 is already revoked; expected an agreement in force, and a revoked"
                                + " agreement stays revoked"));
    }
}
