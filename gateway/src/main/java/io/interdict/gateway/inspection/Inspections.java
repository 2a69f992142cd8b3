package io.interdict.gateway.inspection;

import io.interdict.audit.record.SignedRecord;
import io.interdict.domain.common.PartnerKind;
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
import io.interdict.gateway.share.query.ShareQueries.VisibleShare;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The inspection lifecycle as the gateway runs it. Before a command is sent: the caller is an
 * enrolled partner (its kind, roles and suspension from its own events), the inspection is visible
 * to it (else 404, PRODUCT.md §3 — never a 403 that would confirm it exists), and the facts that
 * live in other aggregates hold (the carrier is an enrolled carrier, every linked share exists and
 * is visible to the caller and to every partner who will see the request). What the partner's kind
 * or role allows is left to the aggregate.
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
        requireLinkedSharesVisibleToEveryReader(caller, request.carrier(), linked);
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

    /**
     * The signed {@code InspectionRequested} names its linked shares and cannot be filtered per
     * reader, and PRODUCT.md §3 shows the request to the requester, the carrier and every border
     * authority. So each linked share must be visible — by the share read's own query — to all of
     * them, or the ids would tell a partner about shares that do not exist for it (ADR 0007).
     * Border authorities count whether suspended or not: a suspended one sees the request once
     * reinstated. The requester's own refusal stays "does not exist or is not visible to you", the
     * same for an unknown share.
     */
    private void requireLinkedSharesVisibleToEveryReader(PartnerProfile caller, String carrier, List<String> linked) {
        if (linked.isEmpty()) {
            return;
        }
        Set<String> readers = new LinkedHashSet<>();
        readers.add(carrier);
        readers.addAll(registry.enrolledOfKind(PartnerKind.BORDER_AUTHORITY));
        readers.remove(caller.partnerId());
        List<PartnerProfile> others = readers.stream()
                .map(id -> registry.find(id)
                        .orElseThrow(() -> new IllegalStateException(
                                "partner " + id + " was enrolled but has no enrolment event")))
                .toList();
        for (String shareId : linked) {
            VisibleShare share = shares.findVisible(shareId, caller.partnerId(), caller.kind(), null)
                    .orElseThrow(() -> new ApiProblemException(
                            ApiProblem.INVALID_INPUT,
                            "linkedShares: share " + shareId + " does not exist or is not visible to you"));
            for (PartnerProfile reader : others) {
                if (shares.findVisible(shareId, reader.partnerId(), reader.kind(), null)
                        .isEmpty()) {
                    throw new ApiProblemException(
                            ApiProblem.LINKED_SHARE_NOT_SHARED,
                            "linkedShares: share " + shareId + " is not visible to " + reader.partnerId() + " ("
                                    + role(reader, carrier) + "), who will see this inspection request and the"
                                    + " ids of its linked shares; ask the share's provider ("
                                    + share.provider() + ") to add " + reader.partnerId()
                                    + " to its audience, or leave the share out");
                }
            }
        }
    }

    private static String role(PartnerProfile reader, String carrier) {
        return reader.partnerId().equals(carrier) ? "the carrier of the shipment" : "a border authority";
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
