package io.interdict.domain.inspection;

import static io.interdict.domain.common.Guards.activeActor;
import static io.interdict.domain.common.Guards.describe;
import static io.interdict.domain.common.Guards.isBlank;
import static io.interdict.domain.common.Guards.requireDistinct;
import static io.interdict.domain.common.Guards.requireIds;
import static io.interdict.domain.common.Guards.requireKind;
import static io.interdict.domain.common.Guards.requirePresent;
import static io.interdict.domain.common.Guards.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.interdict.domain.common.Actor;
import io.interdict.domain.common.DomainRuleViolation;
import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.PartnerRole;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A request to inspect a shipment (PRODUCT.md §2). Only an investigator or a border authority
 * requests; only the named carrier acknowledges; only a border authority schedules and completes;
 * the requester or a border authority cancels; a finished request accepts no further change.
 */
public class InspectionRequest {

    private enum Status {
        OPEN,
        COMPLETED,
        CANCELLED
    }

    @AggregateIdentifier
    private String inspectionId;

    private String requestingAgency;

    private String carrier;

    private boolean acknowledged;

    private Status status;

    protected InspectionRequest() {}

    @CommandHandler
    public InspectionRequest(RequestInspection command, Clock clock) {
        String actor = activeActor(command.actor());
        requireKind(command.actor(), "request an inspection", PartnerKind.INVESTIGATOR, PartnerKind.BORDER_AUTHORITY);
        requireText(command.inspectionId(), "an inspection id");
        String carrier = requireText(command.carrier(), "a carrier");
        Shipment shipment = requirePresent(command.shipment(), "a shipment");
        if (isBlank(shipment.trackingNumber())
                && isBlank(shipment.airWaybill())
                && isBlank(shipment.containerNumber())) {
            throw DomainRuleViolation.invalidInput("expected a shipment with a tracking number, an air waybill or a"
                    + " container number; found none");
        }
        String portOfEntry = requireText(command.portOfEntry(), "a port of entry");
        String reason = requireText(command.reason(), "a reason for the inspection");
        List<String> linkedShares = command.linkedShares() == null ? List.of() : command.linkedShares();
        requireIds(linkedShares, "the linked shares");
        requireDistinct(linkedShares, "the linked shares");
        requirePresent(command.priority(), "a priority");
        apply(new InspectionRequested(
                command.inspectionId(),
                actor,
                carrier,
                shipment,
                portOfEntry,
                reason,
                List.copyOf(linkedShares),
                command.priority(),
                actor,
                clock.instant()));
    }

    @CommandHandler
    public void handle(AcknowledgeInspection command, Clock clock) {
        Actor actor = command.actor();
        String actorId = activeActor(actor);
        if (!actorId.equals(carrier) || !actor.hasRole(PartnerRole.CARRIER)) {
            throw DomainRuleViolation.notPermitted("only the carrier " + carrier + " may acknowledge inspection "
                    + inspectionId + "; found " + actorId + describeRoles(actor));
        }
        requireOpen("acknowledge");
        if (acknowledged) {
            throw DomainRuleViolation.invalidState("inspection " + inspectionId
                    + " is already acknowledged; expected an inspection not yet acknowledged");
        }
        apply(new InspectionAcknowledged(inspectionId, carrier, command.note(), actorId, clock.instant()));
    }

    @CommandHandler
    public void handle(ScheduleInspection command, Clock clock) {
        String actor = activeActor(command.actor());
        requireKind(command.actor(), "schedule an inspection", PartnerKind.BORDER_AUTHORITY);
        requireOpen("schedule");
        requirePresent(command.scheduledFor(), "a time to inspect (scheduledFor)");
        apply(new InspectionScheduled(
                inspectionId, command.scheduledFor(), command.location(), actor, clock.instant()));
    }

    @CommandHandler
    public void handle(CompleteInspection command, Clock clock) {
        String actor = activeActor(command.actor());
        requireKind(command.actor(), "complete an inspection", PartnerKind.BORDER_AUTHORITY);
        requireOpen("complete");
        requirePresent(command.result(), "a result");
        apply(new InspectionCompleted(inspectionId, command.result(), command.findings(), actor, clock.instant()));
    }

    @CommandHandler
    public void handle(CancelInspection command, Clock clock) {
        String actor = activeActor(command.actor());
        if (!actor.equals(requestingAgency) && !command.actor().is(PartnerKind.BORDER_AUTHORITY)) {
            throw DomainRuleViolation.notPermitted("only the requesting agency " + requestingAgency
                    + " or a border authority may cancel inspection " + inspectionId + "; found " + actor + ", "
                    + describe(command.actor().kind()));
        }
        requireOpen("cancel");
        String reason = requireText(command.reason(), "a reason for the cancellation");
        apply(new InspectionCancelled(inspectionId, reason, actor, clock.instant()));
    }

    @EventSourcingHandler
    void on(InspectionRequested event) {
        inspectionId = event.inspectionId();
        requestingAgency = event.requestingAgency();
        carrier = event.carrier();
        status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(InspectionAcknowledged event) {
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(InspectionCompleted event) {
        status = Status.COMPLETED;
    }

    @EventSourcingHandler
    void on(InspectionCancelled event) {
        status = Status.CANCELLED;
    }

    private void requireOpen(String action) {
        if (status != Status.OPEN) {
            throw DomainRuleViolation.invalidState("inspection " + inspectionId + " is "
                    + status.name().toLowerCase(Locale.ROOT) + "; expected an open inspection to "
                    + action);
        }
    }

    private static String describeRoles(Actor actor) {
        return actor.hasRole(PartnerRole.CARRIER) ? "" : ", which is not a carrier";
    }
}
