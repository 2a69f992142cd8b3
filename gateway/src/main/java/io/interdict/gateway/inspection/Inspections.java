package io.interdict.gateway.inspection;

import io.interdict.audit.record.SignedRecord;
import io.interdict.domain.common.PartnerRole;
import io.interdict.domain.inspection.AcknowledgeInspection;
import io.interdict.domain.inspection.CancelInspection;
import io.interdict.domain.inspection.CompleteInspection;
import io.interdict.domain.inspection.InspectionPriority;
import io.interdict.domain.inspection.InspectionResult;
import io.interdict.domain.inspection.RequestInspection;
import io.interdict.domain.inspection.ScheduleInspection;
import io.interdict.domain.inspection.Shipment;
import io.interdict.gateway.inspection.query.InspectionQueries;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.record.CommandRecords;
import io.interdict.gateway.share.query.ShareQueries;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The inspection lifecycle as the gateway runs it. Before a command is sent: the caller is an
 * enrolled partner (its kind, roles and suspension from its own events), the inspection is visible
 * to it (else 404, PRODUCT.md §3 — never a 403 that would confirm it exists), and the facts that
 * live in other aggregates hold (the carrier is an enrolled carrier, every linked share exists and
 * is visible to the caller). What the partner's kind or role allows is left to the aggregate.
 */
@Component
public class Inspections {

    /** A new request as the caller asked for it. */
    public record NewInspection(
            String carrier,
            Shipment shipment,
            String portOfEntry,
            String reason,
            List<String> linkedShares,
            InspectionPriority priority) {}

    private final PartnerRegistry registry;
    private final InspectionQueries inspections;
    private final ShareQueries shares;
    private final CommandRecords commands;

    Inspections(PartnerRegistry registry, InspectionQueries inspections, ShareQueries shares, CommandRecords commands) {
        this.registry = registry;
        this.inspections = inspections;
        this.shares = shares;
        this.commands = commands;
    }

    public SignedRecord request(String partnerId, NewInspection request) {
        PartnerProfile caller = caller(partnerId);
        boolean enrolledCarrier = registry.find(request.carrier())
                .filter(partner -> partner.roles() != null && partner.roles().contains(PartnerRole.CARRIER))
                .isPresent();
        if (!enrolledCarrier) {
            throw new ApiProblemException(
                    ApiProblem.INVALID_INPUT,
                    "carrier: expected an enrolled partner with the CARRIER role; found " + request.carrier());
        }
        List<String> linked = request.linkedShares() == null ? List.of() : request.linkedShares();
        for (String shareId : linked) {
            if (shares.findVisible(shareId, caller.partnerId(), caller.kind(), null)
                    .isEmpty()) {
                throw new ApiProblemException(
                        ApiProblem.INVALID_INPUT,
                        "linkedShares: share " + shareId + " does not exist or is not visible to you");
            }
        }
        String inspectionId = UUID.randomUUID().toString();
        return commands.send(
                inspectionId,
                new RequestInspection(
                        inspectionId,
                        request.carrier(),
                        request.shipment(),
                        request.portOfEntry(),
                        request.reason(),
                        linked,
                        request.priority(),
                        caller.actor()));
    }

    public SignedRecord acknowledge(String partnerId, String inspectionId, String note) {
        PartnerProfile caller = visibleTo(partnerId, inspectionId);
        return commands.send(inspectionId, new AcknowledgeInspection(inspectionId, note, caller.actor()));
    }

    public SignedRecord schedule(String partnerId, String inspectionId, Instant scheduledFor, String location) {
        PartnerProfile caller = visibleTo(partnerId, inspectionId);
        return commands.send(
                inspectionId, new ScheduleInspection(inspectionId, scheduledFor, location, caller.actor()));
    }

    public SignedRecord complete(String partnerId, String inspectionId, InspectionResult result, String findings) {
        PartnerProfile caller = visibleTo(partnerId, inspectionId);
        return commands.send(inspectionId, new CompleteInspection(inspectionId, result, findings, caller.actor()));
    }

    public SignedRecord cancel(String partnerId, String inspectionId, String reason) {
        PartnerProfile caller = visibleTo(partnerId, inspectionId);
        return commands.send(inspectionId, new CancelInspection(inspectionId, reason, caller.actor()));
    }

    private PartnerProfile caller(String partnerId) {
        return registry.find(partnerId)
                .orElseThrow(() ->
                        new ApiProblemException(ApiProblem.NOT_PERMITTED, "partner " + partnerId + " is not enrolled"));
    }

    /** The caller, once the inspection is known to be visible to it; otherwise 404. */
    private PartnerProfile visibleTo(String partnerId, String inspectionId) {
        PartnerProfile caller = caller(partnerId);
        if (inspections
                .findVisible(inspectionId, caller.partnerId(), caller.kind())
                .isEmpty()) {
            throw ApiProblemException.notFound("inspection " + inspectionId);
        }
        return caller;
    }
}
