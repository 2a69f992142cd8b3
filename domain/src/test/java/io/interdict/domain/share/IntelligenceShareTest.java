package io.interdict.domain.share;

import static io.interdict.domain.common.ActorFixtures.AMAZON;
import static io.interdict.domain.common.ActorFixtures.CBP;
import static io.interdict.domain.common.ActorFixtures.CLOCK;
import static io.interdict.domain.common.ActorFixtures.DHL;
import static io.interdict.domain.common.ActorFixtures.IPR_CENTER;
import static io.interdict.domain.common.ActorFixtures.NOW;
import static io.interdict.domain.common.ActorFixtures.suspended;
import static io.interdict.domain.common.Refusals.refusedAs;
import static io.interdict.domain.share.ShareFixtures.CONTENT;
import static io.interdict.domain.share.ShareFixtures.DIGEST;
import static io.interdict.domain.share.ShareFixtures.KEY_ID;
import static io.interdict.domain.share.ShareFixtures.SHARED;
import static io.interdict.domain.share.ShareFixtures.SHARE_ID;
import static io.interdict.domain.share.ShareFixtures.SIGNATURE;
import static io.interdict.domain.share.ShareFixtures.SUBMITTED_BODY;
import static io.interdict.domain.share.ShareFixtures.amended;
import static io.interdict.domain.share.ShareFixtures.shared;
import static io.interdict.domain.share.ShareFixtures.withAudience;
import static io.interdict.domain.share.ShareFixtures.withConfidence;
import static io.interdict.domain.share.ShareFixtures.withEvidence;
import static io.interdict.domain.share.ShareFixtures.withExpiry;
import static io.interdict.domain.share.ShareFixtures.withMarking;
import static io.interdict.domain.share.ShareFixtures.withSubject;
import static org.hamcrest.Matchers.containsString;

import io.interdict.domain.common.DomainRuleViolation;
import io.interdict.domain.common.DomainRuleViolation.Reason;
import io.interdict.domain.common.Tlp;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntelligenceShareTest {

    static final IntelligenceShareWithdrawn WITHDRAWN =
            new IntelligenceShareWithdrawn(SHARE_ID, "seller cleared", "amazon", NOW);

    private FixtureConfiguration<IntelligenceShare> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IntelligenceShare.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static PushIntelligenceShare push(ShareContent content) {
        return new PushIntelligenceShare(SHARE_ID, content, SIGNATURE, KEY_ID, SUBMITTED_BODY, AMAZON);
    }

    private static AmendIntelligenceShare amend(ShareContent content) {
        return new AmendIntelligenceShare(SHARE_ID, content, SIGNATURE, KEY_ID, SUBMITTED_BODY, AMAZON);
    }

    // --- push

    @Test
    void aSignatureWithoutTheBodyItSignsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PushIntelligenceShare(SHARE_ID, CONTENT, SIGNATURE, KEY_ID, null, AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString(
                        "expected a submitter signature together with its key id and the body it signs"));
    }

    @Test
    void signalProviderPushesShareAsVersionOne() {
        fixture.givenNoPriorActivity().when(push(CONTENT)).expectEvents(SHARED);
    }

    @Test
    void pushWithoutAudienceIndicatorsOrEvidenceRecordsEmptyLists() {
        ShareContent bare = new ShareContent(CONTENT.kind(), Tlp.CLEAR, null, CONTENT.subject(), null, 50, null, null);
        fixture.givenNoPriorActivity()
                .when(push(bare))
                .expectEvents(shared(new ShareContent(
                        CONTENT.kind(), Tlp.CLEAR, Set.of(), CONTENT.subject(), List.of(), 50, List.of(), null)));
    }

    @Test
    void onlyASignalProviderPushesShares() {
        fixture.givenNoPriorActivity()
                .when(new PushIntelligenceShare(SHARE_ID, CONTENT, null, null, null, IPR_CENTER))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(
                        containsString("only a signal provider may push a share; found ipr-center, an investigator"));
    }

    @Test
    void suspendedProviderCannotPush() {
        fixture.givenNoPriorActivity()
                .when(new PushIntelligenceShare(SHARE_ID, CONTENT, null, null, null, suspended(AMAZON)))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(containsString("partner amazon is suspended; expected an active partner"));
    }

    @Test
    void confidenceAboveOneHundredIsRefused() {
        fixture.givenNoPriorActivity()
                .when(push(withConfidence(101)))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_INPUT))
                .expectExceptionMessage(containsString("expected a confidence from 0 to 100; found 101"));
    }

    @Test
    void negativeConfidenceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(push(withConfidence(-1)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected a confidence from 0 to 100; found -1"));
    }

    @Test
    void evidenceDigestMustBeSixtyFourLowercaseHexCharacters() {
        fixture.givenNoPriorActivity()
                .when(push(withEvidence(List.of(new Evidence(DIGEST.toUpperCase(), "capture")))))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_INPUT))
                .expectExceptionMessage(containsString("expected evidence sha256 as 64 lowercase hex characters"));
    }

    @Test
    void shortEvidenceDigestIsRefused() {
        fixture.givenNoPriorActivity()
                .when(push(withEvidence(List.of(new Evidence("abc", "capture")))))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("found 'abc' (3 characters)"));
    }

    @Test
    void shareNeedsARecordKind() {
        fixture.givenNoPriorActivity()
                .when(push(new ShareContent(null, Tlp.AMBER, Set.of(), CONTENT.subject(), null, 1, null, null)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected a record kind to be given; found nothing"));
    }

    @Test
    void shareNeedsAMarking() {
        fixture.givenNoPriorActivity()
                .when(push(withMarking(null)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected a TLP marking to be given; found nothing"));
    }

    @Test
    void shareSubjectNeedsAnIdentifier() {
        fixture.givenNoPriorActivity()
                .when(push(withSubject(new ShareSubject(null, " ", null, null, null, null, null, null, null))))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected a subject with at least one identifier"));
    }

    @Test
    void audienceCannotNameABlankPartner() {
        fixture.givenNoPriorActivity()
                .when(push(withAudience(Set.of("cbp", " "))))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString(
                        "expected every entry of the audience to be a partner or record" + " id; found a blank id"));
    }

    @Test
    void expiryInThePastIsRefused() {
        fixture.givenNoPriorActivity()
                .when(push(withExpiry(NOW.minusSeconds(1))))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString(
                        "expected expiresAt after now (2026-11-30T09:12:44Z); found 2026-11-30T09:12:43Z"));
    }

    // --- amend

    @Test
    void providerAmendsShareAsTheNextVersion() {
        ShareContent next = withConfidence(95);
        fixture.given(SHARED).when(amend(next)).expectEvents(amended(2, next));
    }

    @Test
    void everyAmendmentGrowsTheVersionByOne() {
        ShareContent next = withConfidence(99);
        fixture.given(SHARED, amended(2, withConfidence(90)), amended(3, withConfidence(95)))
                .when(amend(next))
                .expectEvents(amended(4, next));
    }

    @Test
    void amendmentCanRaiseTheMarking() {
        ShareContent red = withMarking(Tlp.RED);
        fixture.given(SHARED).when(amend(red)).expectEvents(amended(2, red));
    }

    @Test
    void amendmentCannotLowerTheMarking() {
        fixture.given(shared(withMarking(Tlp.RED)))
                .when(amend(withMarking(Tlp.AMBER)))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_INPUT))
                .expectExceptionMessage(containsString("share " + SHARE_ID + " is marked TLP:RED; expected an amendment"
                        + " at that marking or a more restrictive one; found TLP:AMBER"));
    }

    @Test
    void amendmentCannotDropARecipient() {
        fixture.given(SHARED)
                .when(amend(withAudience(Set.of("cbp"))))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_INPUT))
                .expectExceptionMessage(containsString("the audience of share " + SHARE_ID + " only grows; expected"
                        + " every current recipient in the amended audience; found ipr-center missing"));
    }

    @Test
    void amendmentMustKeepRecipientsAddedByExtension() {
        fixture.given(
                        SHARED,
                        new IntelligenceShareAudienceExtended(
                                SHARE_ID, Set.of("dhl"), Set.of("cbp", "dhl", "ipr-center"), "amazon", NOW))
                .when(amend(CONTENT))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("found dhl missing"));
    }

    @Test
    void amendmentIsValidatedLikeAPush() {
        fixture.given(SHARED)
                .when(amend(withConfidence(250)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected a confidence from 0 to 100; found 250"));
    }

    @Test
    void onlyTheProviderAmends() {
        fixture.given(SHARED)
                .when(new AmendIntelligenceShare(SHARE_ID, CONTENT, null, null, null, DHL))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(
                        containsString("only the provider amazon may amend share " + SHARE_ID + "; found dhl"));
    }

    @Test
    void withdrawnShareCannotBeAmended() {
        fixture.given(SHARED, WITHDRAWN)
                .when(amend(withConfidence(90)))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(
                        containsString("share " + SHARE_ID + " is withdrawn; expected an active share to amend"));
    }

    // --- extend

    @Test
    void providerExtendsTheAudience() {
        fixture.given(SHARED)
                .when(new ExtendShareAudience(SHARE_ID, Set.of("dhl"), AMAZON))
                .expectEvents(new IntelligenceShareAudienceExtended(
                        SHARE_ID, Set.of("dhl"), Set.of("cbp", "dhl", "ipr-center"), "amazon", NOW));
    }

    @Test
    void extensionNeedsARecipient() {
        fixture.given(SHARED)
                .when(new ExtendShareAudience(SHARE_ID, Set.of(), AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected at least one additional recipient; found none"));
    }

    @Test
    void extensionCannotRepeatACurrentRecipient() {
        fixture.given(SHARED)
                .when(new ExtendShareAudience(SHARE_ID, Set.of("cbp", "dhl"), AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected recipients not yet in the audience of share "
                        + SHARE_ID + "; found cbp already in it"));
    }

    @Test
    void onlyTheProviderExtendsTheAudience() {
        fixture.given(SHARED)
                .when(new ExtendShareAudience(SHARE_ID, Set.of("ipr-center"), CBP))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("only the provider amazon may extend the audience of share"));
    }

    @Test
    void withdrawnShareCannotBeExtended() {
        fixture.given(SHARED, WITHDRAWN)
                .when(new ExtendShareAudience(SHARE_ID, Set.of("dhl"), AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(containsString(
                        "share " + SHARE_ID + " is withdrawn; expected an active share to extend the audience of"));
    }

    // --- withdraw

    @Test
    void providerWithdrawsShare() {
        fixture.given(SHARED)
                .when(new WithdrawIntelligenceShare(SHARE_ID, "seller cleared", AMAZON))
                .expectEvents(WITHDRAWN);
    }

    @Test
    void withdrawalNeedsAReason() {
        fixture.given(SHARED)
                .when(new WithdrawIntelligenceShare(SHARE_ID, "", AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected a reason for the withdrawal to be given"));
    }

    @Test
    void onlyTheProviderWithdraws() {
        fixture.given(SHARED)
                .when(new WithdrawIntelligenceShare(SHARE_ID, "mine now", IPR_CENTER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("only the provider amazon may withdraw share"));
    }

    @Test
    void withdrawnShareCannotBeWithdrawnAgain() {
        fixture.given(SHARED, WITHDRAWN)
                .when(new WithdrawIntelligenceShare(SHARE_ID, "again", AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(containsString("is withdrawn; expected an active share to withdraw"));
    }

    @Test
    void suspendedProviderCannotWithdraw() {
        fixture.given(SHARED)
                .when(new WithdrawIntelligenceShare(SHARE_ID, "cleared", suspended(AMAZON)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("partner amazon is suspended"));
    }

    // --- provider actions

    @Test
    void providerRecordsAnAction() {
        fixture.given(SHARED)
                .when(new RecordProviderAction(
                        SHARE_ID, ProviderActionType.INVENTORY_SIDELINED, "412 units in LAX1", AMAZON))
                .expectEvents(new ProviderActionRecorded(
                        SHARE_ID, ProviderActionType.INVENTORY_SIDELINED, "412 units in LAX1", "amazon", NOW));
    }

    @Test
    void actionNeedsAType() {
        fixture.given(SHARED)
                .when(new RecordProviderAction(SHARE_ID, null, "something", AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected an action type to be given"));
    }

    @Test
    void onlyTheProviderRecordsActions() {
        fixture.given(SHARED)
                .when(new RecordProviderAction(SHARE_ID, ProviderActionType.SHIPMENT_HELD, null, DHL))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(containsString("only the provider amazon may record an action on share"));
    }

    @Test
    void withdrawnShareTakesNoActions() {
        fixture.given(SHARED, WITHDRAWN)
                .when(new RecordProviderAction(SHARE_ID, ProviderActionType.SELLER_BLOCKED, null, AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(
                        containsString("is withdrawn; expected an active share to record an action on"));
    }
}
