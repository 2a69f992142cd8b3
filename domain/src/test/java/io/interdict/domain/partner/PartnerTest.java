package io.interdict.domain.partner;

import static io.interdict.domain.common.ActorFixtures.AMAZON;
import static io.interdict.domain.common.ActorFixtures.CLOCK;
import static io.interdict.domain.common.ActorFixtures.DHL;
import static io.interdict.domain.common.ActorFixtures.NOW;
import static io.interdict.domain.common.ActorFixtures.OPERATOR;
import static io.interdict.domain.common.ActorFixtures.suspended;
import static io.interdict.domain.common.Refusals.refusedAs;
import static org.hamcrest.Matchers.containsString;

import io.interdict.domain.common.DomainRuleViolation;
import io.interdict.domain.common.DomainRuleViolation.Reason;
import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.PartnerRole;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartnerTest {

    /** A base64url Ed25519 public key: RFC 8032 §7.1, test 1. */
    static final String PUBLIC_KEY_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    static final Instant VALID_FROM = Instant.parse("2026-12-01T00:00:00Z");

    static final PartnerEnrolled AMAZON_ENROLLED = new PartnerEnrolled(
            "amazon", PartnerKind.SIGNAL_PROVIDER, "Amazon", Set.of(PartnerRole.MARKETPLACE), "operator", NOW);

    static final PartnerSigningKeyRegistered KEY_REGISTERED =
            new PartnerSigningKeyRegistered("amazon", "amazon-1", PUBLIC_KEY_X, VALID_FROM, "amazon", NOW);

    static final PartnerSuspended AMAZON_SUSPENDED = new PartnerSuspended("amazon", "unpaid fees", "operator", NOW);

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partner.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void operatorEnrolsPartner() {
        fixture.givenNoPriorActivity()
                .when(new EnrolPartner(
                        "amazon", PartnerKind.SIGNAL_PROVIDER, "Amazon", Set.of(PartnerRole.MARKETPLACE), OPERATOR))
                .expectEvents(AMAZON_ENROLLED);
    }

    @Test
    void onlyAnOperatorEnrolsPartners() {
        fixture.givenNoPriorActivity()
                .when(new EnrolPartner("rogue", PartnerKind.SIGNAL_PROVIDER, "Rogue", Set.of(), AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(
                        containsString("only an operator may enrol a partner; found amazon, a signal provider"));
    }

    @Test
    void suspendedOperatorCannotEnrolPartners() {
        fixture.givenNoPriorActivity()
                .when(new EnrolPartner("rogue", PartnerKind.SIGNAL_PROVIDER, "Rogue", Set.of(), suspended(OPERATOR)))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(containsString("partner operator is suspended; expected an active partner"));
    }

    @Test
    void enrolmentNeedsADisplayName() {
        fixture.givenNoPriorActivity()
                .when(new EnrolPartner("amazon", PartnerKind.SIGNAL_PROVIDER, " ", Set.of(), OPERATOR))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_INPUT))
                .expectExceptionMessage(containsString("expected a display name to be given; found a blank value"));
    }

    @Test
    void enrolmentNeedsAKind() {
        fixture.givenNoPriorActivity()
                .when(new EnrolPartner("amazon", null, "Amazon", Set.of(), OPERATOR))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected a partner kind to be given; found nothing"));
    }

    @Test
    void partnerRegistersItsOwnSigningKey() {
        fixture.given(AMAZON_ENROLLED)
                .when(new RegisterPartnerSigningKey("amazon", "amazon-1", PUBLIC_KEY_X, VALID_FROM, AMAZON))
                .expectEvents(KEY_REGISTERED);
    }

    @Test
    void keyWithoutValidFromIsValidFromNow() {
        fixture.given(AMAZON_ENROLLED)
                .when(new RegisterPartnerSigningKey("amazon", "amazon-1", PUBLIC_KEY_X, null, AMAZON))
                .expectEvents(new PartnerSigningKeyRegistered("amazon", "amazon-1", PUBLIC_KEY_X, NOW, "amazon", NOW));
    }

    @Test
    void partnerCannotRegisterKeysForAnotherPartner() {
        fixture.given(AMAZON_ENROLLED)
                .when(new RegisterPartnerSigningKey("amazon", "dhl-1", PUBLIC_KEY_X, VALID_FROM, DHL))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(
                        containsString("only partner amazon may register a signing key for itself; found dhl"));
    }

    @Test
    void suspendedPartnerCannotRegisterKeys() {
        fixture.given(AMAZON_ENROLLED, AMAZON_SUSPENDED)
                .when(new RegisterPartnerSigningKey("amazon", "amazon-1", PUBLIC_KEY_X, VALID_FROM, AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(containsString(
                        "partner amazon is suspended; expected an active partner to register a signing key"));
    }

    @Test
    void keyIdCannotBeReusedEvenAfterRevocation() {
        fixture.given(
                        AMAZON_ENROLLED,
                        KEY_REGISTERED,
                        new PartnerSigningKeyRevoked("amazon", "amazon-1", "rotated", "amazon", NOW))
                .when(new RegisterPartnerSigningKey("amazon", "amazon-1", PUBLIC_KEY_X, VALID_FROM, AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(containsString(
                        "key id amazon-1 was already used by partner amazon (revoked); expected a key id never used"));
    }

    @Test
    void publicKeyMustBeThirtyTwoBytes() {
        fixture.given(AMAZON_ENROLLED)
                .when(new RegisterPartnerSigningKey("amazon", "amazon-1", "AAAA", VALID_FROM, AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_INPUT))
                .expectExceptionMessage(containsString("expected an Ed25519 public key of 32 bytes; found 3 bytes"));
    }

    @Test
    void publicKeyMustBeBase64Url() {
        fixture.given(AMAZON_ENROLLED)
                .when(new RegisterPartnerSigningKey("amazon", "amazon-1", "11qYAYKx+rfV/7Ty", VALID_FROM, AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected the public key x as base64url"));
    }

    @Test
    void keyIdMustBeASimpleToken() {
        fixture.given(AMAZON_ENROLLED)
                .when(new RegisterPartnerSigningKey("amazon", "amazon 1", PUBLIC_KEY_X, VALID_FROM, AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("found 'amazon 1'"));
    }

    @Test
    void partnerRevokesItsOwnKey() {
        fixture.given(AMAZON_ENROLLED, KEY_REGISTERED)
                .when(new RevokePartnerSigningKey("amazon", "amazon-1", "rotated", AMAZON))
                .expectEvents(new PartnerSigningKeyRevoked("amazon", "amazon-1", "rotated", "amazon", NOW));
    }

    @Test
    void revokedKeyStaysRevoked() {
        fixture.given(
                        AMAZON_ENROLLED,
                        KEY_REGISTERED,
                        new PartnerSigningKeyRevoked("amazon", "amazon-1", "rotated", "amazon", NOW))
                .when(new RevokePartnerSigningKey("amazon", "amazon-1", "again", AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(
                        containsString(
                                "key amazon-1 of partner amazon is already revoked; expected a key in use, and a revoked key stays revoked"));
    }

    @Test
    void unknownKeyCannotBeRevoked() {
        fixture.given(AMAZON_ENROLLED)
                .when(new RevokePartnerSigningKey("amazon", "amazon-9", null, AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("found unknown key id amazon-9"));
    }

    @Test
    void partnerCannotRevokeAnotherPartnersKey() {
        fixture.given(AMAZON_ENROLLED, KEY_REGISTERED)
                .when(new RevokePartnerSigningKey("amazon", "amazon-1", null, DHL))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(containsString("only partner amazon may revoke a signing key of itself"));
    }

    @Test
    void operatorSuspendsPartner() {
        fixture.given(AMAZON_ENROLLED)
                .when(new SuspendPartner("amazon", "unpaid fees", OPERATOR))
                .expectEvents(AMAZON_SUSPENDED);
    }

    @Test
    void onlyAnOperatorSuspendsPartners() {
        fixture.given(AMAZON_ENROLLED)
                .when(new SuspendPartner("amazon", "spite", DHL))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(
                        containsString("only an operator may suspend a partner; found dhl, a signal provider"));
    }

    @Test
    void suspensionNeedsAReason() {
        fixture.given(AMAZON_ENROLLED)
                .when(new SuspendPartner("amazon", null, OPERATOR))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected a reason for the suspension to be given"));
    }

    @Test
    void suspendedPartnerCannotBeSuspendedAgain() {
        fixture.given(AMAZON_ENROLLED, AMAZON_SUSPENDED)
                .when(new SuspendPartner("amazon", "still unpaid", OPERATOR))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(containsString("partner amazon is already suspended"));
    }

    @Test
    void operatorReinstatesSuspendedPartner() {
        fixture.given(AMAZON_ENROLLED, AMAZON_SUSPENDED)
                .when(new ReinstatePartner("amazon", "fees paid", OPERATOR))
                .expectEvents(new PartnerReinstated("amazon", "fees paid", "operator", NOW));
    }

    @Test
    void onlyAnOperatorReinstatesPartners() {
        fixture.given(AMAZON_ENROLLED, AMAZON_SUSPENDED)
                .when(new ReinstatePartner("amazon", "let me in", DHL))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(
                        containsString("only an operator may reinstate a partner; found dhl, a signal provider"));
    }

    @Test
    void activePartnerCannotBeReinstated() {
        fixture.given(AMAZON_ENROLLED)
                .when(new ReinstatePartner("amazon", "fees paid", OPERATOR))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(
                        containsString("partner amazon is active; expected a suspended partner to reinstate"));
    }

    @Test
    void reinstatedPartnerRegistersKeysAgain() {
        fixture.given(AMAZON_ENROLLED, AMAZON_SUSPENDED, new PartnerReinstated("amazon", "paid", "operator", NOW))
                .when(new RegisterPartnerSigningKey("amazon", "amazon-1", PUBLIC_KEY_X, VALID_FROM, AMAZON))
                .expectEvents(KEY_REGISTERED);
    }

    @Test
    void suspendedPartnerCannotRevokeKeys() {
        fixture.given(AMAZON_ENROLLED, KEY_REGISTERED, AMAZON_SUSPENDED)
                .when(new RevokePartnerSigningKey("amazon", "amazon-1", null, AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(containsString(
                        "partner amazon is suspended; expected an active partner to revoke a signing key"));
    }

    @Test
    void enrolmentRefusesANullRole() {
        Set<PartnerRole> roles = new HashSet<>();
        roles.add(null);
        fixture.givenNoPriorActivity()
                .when(new EnrolPartner("dhl", PartnerKind.SIGNAL_PROVIDER, "DHL", roles, OPERATOR))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected every partner role to be given; found nothing"));
    }
}
