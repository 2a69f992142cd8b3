package io.interdict.domain.inspection;

import static io.interdict.domain.common.ActorFixtures.AMAZON;
import static io.interdict.domain.common.ActorFixtures.AUDITOR;
import static io.interdict.domain.common.ActorFixtures.CBP;
import static io.interdict.domain.common.ActorFixtures.CLOCK;
import static io.interdict.domain.common.ActorFixtures.DHL;
import static io.interdict.domain.common.ActorFixtures.IPR_CENTER;
import static io.interdict.domain.common.ActorFixtures.NOW;
import static io.interdict.domain.common.ActorFixtures.suspended;
import static io.interdict.domain.common.Refusals.refusedAs;
import static io.interdict.domain.inspection.InspectionFixtures.CANCELLED;
import static io.interdict.domain.inspection.InspectionFixtures.COMPLETED;
import static io.interdict.domain.inspection.InspectionFixtures.INSPECTION_ID;
import static io.interdict.domain.inspection.InspectionFixtures.REQUESTED;
import static io.interdict.domain.inspection.InspectionFixtures.SCHEDULED_FOR;
import static io.interdict.domain.inspection.InspectionFixtures.SHARE_ID;
import static io.interdict.domain.inspection.InspectionFixtures.SHIPMENT;
import static org.hamcrest.Matchers.containsString;

import io.interdict.domain.common.Actor;
import io.interdict.domain.common.DomainRuleViolation;
import io.interdict.domain.common.DomainRuleViolation.Reason;
import io.interdict.domain.common.PartnerKind;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InspectionRequestTest {

    private FixtureConfiguration<InspectionRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InspectionRequest.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static RequestInspection request(Actor actor, Shipment shipment, List<String> linkedShares) {
        return new RequestInspection(
                INSPECTION_ID,
                "dhl",
                shipment,
                "USLAX",
                "logo mismatch on listing",
                linkedShares,
                InspectionPriority.HIGH,
                actor);
    }

    // --- request

    @Test
    void investigatorRequestsInspection() {
        fixture.givenNoPriorActivity()
                .when(request(IPR_CENTER, SHIPMENT, List.of(SHARE_ID)))
                .expectEvents(REQUESTED);
    }

    @Test
    void borderAuthorityRequestsInspection() {
        fixture.givenNoPriorActivity()
                .when(request(CBP, SHIPMENT, List.of()))
                .expectEvents(new InspectionRequested(
                        INSPECTION_ID,
                        "cbp",
                        "dhl",
                        SHIPMENT,
                        "USLAX",
                        "logo mismatch on listing",
                        List.of(),
                        InspectionPriority.HIGH,
                        "cbp",
                        NOW));
    }

    @Test
    void signalProviderCannotRequestInspections() {
        fixture.givenNoPriorActivity()
                .when(request(AMAZON, SHIPMENT, List.of()))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(containsString("only an investigator or a border authority may request an"
                        + " inspection; found amazon, a signal provider"));
    }

    @Test
    void suspendedInvestigatorCannotRequestInspections() {
        fixture.givenNoPriorActivity()
                .when(request(suspended(IPR_CENTER), SHIPMENT, List.of()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("partner ipr-center is suspended"));
    }

    @Test
    void shipmentNeedsAnIdentifier() {
        fixture.givenNoPriorActivity()
                .when(request(IPR_CENTER, new Shipment(null, "", null), List.of()))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_INPUT))
                .expectExceptionMessage(containsString("expected a shipment with a tracking number, an air waybill or"
                        + " a container number; found none"));
    }

    @Test
    void linkedSharesCannotRepeat() {
        fixture.givenNoPriorActivity()
                .when(request(IPR_CENTER, SHIPMENT, List.of(SHARE_ID, SHARE_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected the linked shares without repeated entries"));
    }

    @Test
    void requestNeedsAPriority() {
        fixture.givenNoPriorActivity()
                .when(new RequestInspection(INSPECTION_ID, "dhl", SHIPMENT, "USLAX", "reason", null, null, IPR_CENTER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected a priority to be given; found nothing"));
    }

    @Test
    void requestNeedsAPortOfEntry() {
        fixture.givenNoPriorActivity()
                .when(new RequestInspection(
                        INSPECTION_ID, "dhl", SHIPMENT, " ", "reason", null, InspectionPriority.LOW, IPR_CENTER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected a port of entry to be given; found a blank value"));
    }

    // --- acknowledge

    @Test
    void namedCarrierAcknowledgesTheHold() {
        fixture.given(REQUESTED)
                .when(new AcknowledgeInspection(INSPECTION_ID, "held at LAX hub", DHL))
                .expectEvents(new InspectionAcknowledged(INSPECTION_ID, "dhl", "held at LAX hub", "dhl", NOW));
    }

    @Test
    void anotherPartnerCannotAcknowledge() {
        fixture.given(REQUESTED)
                .when(new AcknowledgeInspection(INSPECTION_ID, null, CBP))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(containsString(
                        "only the carrier dhl may acknowledge inspection " + INSPECTION_ID + "; found cbp"));
    }

    @Test
    void namedPartnerWithoutTheCarrierRoleCannotAcknowledge() {
        Actor dhlWithoutRole = new Actor("dhl", PartnerKind.SIGNAL_PROVIDER, Set.of(), false);
        fixture.given(REQUESTED)
                .when(new AcknowledgeInspection(INSPECTION_ID, null, dhlWithoutRole))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("found dhl, which is not a carrier"));
    }

    @Test
    void inspectionIsAcknowledgedOnce() {
        fixture.given(REQUESTED, new InspectionAcknowledged(INSPECTION_ID, "dhl", null, "dhl", NOW))
                .when(new AcknowledgeInspection(INSPECTION_ID, null, DHL))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(containsString("inspection " + INSPECTION_ID + " is already acknowledged"));
    }

    @Test
    void completedInspectionCannotBeAcknowledged() {
        fixture.given(REQUESTED, COMPLETED)
                .when(new AcknowledgeInspection(INSPECTION_ID, null, DHL))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(
                        containsString("inspection " + INSPECTION_ID + " is completed; expected an open inspection"));
    }

    // --- schedule

    @Test
    void borderAuthoritySchedulesInspection() {
        fixture.given(REQUESTED)
                .when(new ScheduleInspection(INSPECTION_ID, SCHEDULED_FOR, "LAX bay 4", CBP))
                .expectEvents(new InspectionScheduled(INSPECTION_ID, SCHEDULED_FOR, "LAX bay 4", "cbp", NOW));
    }

    @Test
    void borderAuthorityReschedulesInspection() {
        fixture.given(REQUESTED, new InspectionScheduled(INSPECTION_ID, SCHEDULED_FOR, null, "cbp", NOW))
                .when(new ScheduleInspection(INSPECTION_ID, SCHEDULED_FOR.plusSeconds(3600), null, CBP))
                .expectEvents(
                        new InspectionScheduled(INSPECTION_ID, SCHEDULED_FOR.plusSeconds(3600), null, "cbp", NOW));
    }

    @Test
    void investigatorCannotScheduleInspections() {
        fixture.given(REQUESTED)
                .when(new ScheduleInspection(INSPECTION_ID, SCHEDULED_FOR, null, IPR_CENTER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString(
                        "only a border authority may schedule an inspection; found ipr-center, an investigator"));
    }

    @Test
    void carrierCannotScheduleInspections() {
        fixture.given(REQUESTED)
                .when(new ScheduleInspection(INSPECTION_ID, SCHEDULED_FOR, null, DHL))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(
                        containsString("only a border authority may schedule an inspection; found dhl"));
    }

    @Test
    void scheduleNeedsATime() {
        fixture.given(REQUESTED)
                .when(new ScheduleInspection(INSPECTION_ID, null, null, CBP))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected a time to inspect (scheduledFor) to be given"));
    }

    @Test
    void cancelledInspectionCannotBeScheduled() {
        fixture.given(REQUESTED, CANCELLED)
                .when(new ScheduleInspection(INSPECTION_ID, SCHEDULED_FOR, null, CBP))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString(
                        "inspection " + INSPECTION_ID + " is cancelled; expected an open inspection to schedule"));
    }

    // --- complete

    @Test
    void borderAuthorityCompletesInspection() {
        fixture.given(REQUESTED)
                .when(new CompleteInspection(INSPECTION_ID, InspectionResult.SEIZED, "412 pairs seized", CBP))
                .expectEvents(COMPLETED);
    }

    @Test
    void carrierCannotCompleteInspections() {
        fixture.given(REQUESTED)
                .when(new CompleteInspection(INSPECTION_ID, InspectionResult.RELEASED, null, DHL))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(containsString(
                        "only a border authority may complete an inspection; found dhl, a signal provider"));
    }

    @Test
    void completionNeedsAResult() {
        fixture.given(REQUESTED)
                .when(new CompleteInspection(INSPECTION_ID, null, "nothing", CBP))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected a result to be given; found nothing"));
    }

    @Test
    void completedInspectionAcceptsNoFurtherChanges() {
        fixture.given(REQUESTED, COMPLETED)
                .when(new CompleteInspection(INSPECTION_ID, InspectionResult.RELEASED, null, CBP))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(containsString(
                        "inspection " + INSPECTION_ID + " is completed; expected an open inspection to complete"));
    }

    // --- cancel

    @Test
    void requesterCancelsInspection() {
        fixture.given(REQUESTED)
                .when(new CancelInspection(INSPECTION_ID, "shipment recalled", IPR_CENTER))
                .expectEvents(CANCELLED);
    }

    @Test
    void borderAuthorityCancelsInspection() {
        fixture.given(REQUESTED)
                .when(new CancelInspection(INSPECTION_ID, "duplicate", CBP))
                .expectEvents(new InspectionCancelled(INSPECTION_ID, "duplicate", "cbp", NOW));
    }

    @Test
    void carrierCannotCancelInspections() {
        fixture.given(REQUESTED)
                .when(new CancelInspection(INSPECTION_ID, "inconvenient", DHL))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(containsString("only the requesting agency ipr-center or a border authority may"
                        + " cancel inspection " + INSPECTION_ID + "; found dhl, a signal provider"));
    }

    @Test
    void otherInvestigatorCannotCancelInspections() {
        fixture.given(REQUESTED)
                .when(new CancelInspection(INSPECTION_ID, "mine", Actor.of("other-agency", PartnerKind.INVESTIGATOR)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("found other-agency, an investigator"));
    }

    @Test
    void cancellationNeedsAReason() {
        fixture.given(REQUESTED)
                .when(new CancelInspection(INSPECTION_ID, null, IPR_CENTER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected a reason for the cancellation to be given"));
    }

    @Test
    void cancelledInspectionAcceptsNoFurtherChanges() {
        fixture.given(REQUESTED, CANCELLED)
                .when(new CancelInspection(INSPECTION_ID, "again", IPR_CENTER))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(containsString("is cancelled; expected an open inspection to cancel"));
    }

    @Test
    void completedInspectionCannotBeCancelled() {
        fixture.given(REQUESTED, COMPLETED)
                .when(new CancelInspection(INSPECTION_ID, "too late", CBP))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("is completed; expected an open inspection to cancel"));
    }

    @Test
    void auditorChangesNothing() {
        fixture.given(REQUESTED)
                .when(new CancelInspection(INSPECTION_ID, "looked wrong", AUDITOR))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(containsString("found auditor, an auditor"));
    }
}
