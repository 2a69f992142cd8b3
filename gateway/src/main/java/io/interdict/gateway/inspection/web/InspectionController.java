package io.interdict.gateway.inspection.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.record.SignedRecord;
import io.interdict.gateway.inspection.Inspections;
import io.interdict.gateway.inspection.query.InspectionQueries;
import io.interdict.gateway.inspection.query.InspectionQueries.Page;
import io.interdict.gateway.inspection.query.InspectionStatus;
import io.interdict.gateway.inspection.query.InspectionView;
import io.interdict.gateway.inspection.web.InspectionRequestBodies.AcknowledgementBody;
import io.interdict.gateway.inspection.web.InspectionRequestBodies.CancellationBody;
import io.interdict.gateway.inspection.web.InspectionRequestBodies.CompletionBody;
import io.interdict.gateway.inspection.web.InspectionRequestBodies.NewInspectionBody;
import io.interdict.gateway.inspection.web.InspectionRequestBodies.ScheduleBody;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.record.SignedRecords;
import io.interdict.gateway.security.AuthenticatedPartner;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import io.interdict.gateway.web.PageCursor;
import io.interdict.gateway.web.StrictRequestBodies;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inspection requests (PRODUCT.md §6): each change answers with the signed record of the event it
 * caused; reads answer from the read model, filtered by visibility in the query (§3).
 */
@RestController
@RequestMapping(path = "/api/v1/inspections", produces = MediaType.APPLICATION_JSON_VALUE)
class InspectionController {

    private final Inspections inspections;
    private final InspectionQueries queries;
    private final SignedRecords records;
    private final PartnerRegistry registry;
    private final StrictRequestBodies bodies;
    private final ObjectMapper json;

    InspectionController(
            Inspections inspections,
            InspectionQueries queries,
            SignedRecords records,
            PartnerRegistry registry,
            StrictRequestBodies bodies,
            ObjectMapper json) {
        this.inspections = inspections;
        this.queries = queries;
        this.records = records;
        this.registry = registry;
        this.bodies = bodies;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> request(AuthenticatedPartner caller, @RequestBody JsonNode body)
            throws JsonProcessingException {
        NewInspectionBody request = bodies.read(body, NewInspectionBody.class);
        SignedRecord record = inspections.request(caller.partnerId(), request.toNewInspection());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/inspections/" + record.aggregateId()))
                .body(record.toJson());
    }

    @PostMapping(path = "/{inspectionId}/acknowledgement")
    ObjectNode acknowledge(
            AuthenticatedPartner caller,
            @PathVariable String inspectionId,
            @RequestBody(required = false) JsonNode body)
            throws JsonProcessingException {
        AcknowledgementBody acknowledgement = bodies.read(body, AcknowledgementBody.class);
        return inspections
                .acknowledge(caller.partnerId(), inspectionId, acknowledgement.note())
                .toJson();
    }

    @PostMapping(path = "/{inspectionId}/schedule", consumes = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode schedule(AuthenticatedPartner caller, @PathVariable String inspectionId, @RequestBody JsonNode body)
            throws JsonProcessingException {
        ScheduleBody schedule = bodies.read(body, ScheduleBody.class);
        return inspections
                .schedule(caller.partnerId(), inspectionId, schedule.scheduledFor(), schedule.location())
                .toJson();
    }

    @PostMapping(path = "/{inspectionId}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode complete(AuthenticatedPartner caller, @PathVariable String inspectionId, @RequestBody JsonNode body)
            throws JsonProcessingException {
        CompletionBody completion = bodies.read(body, CompletionBody.class);
        return inspections
                .complete(caller.partnerId(), inspectionId, completion.result(), completion.findings())
                .toJson();
    }

    @PostMapping(path = "/{inspectionId}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode cancel(AuthenticatedPartner caller, @PathVariable String inspectionId, @RequestBody JsonNode body)
            throws JsonProcessingException {
        CancellationBody cancellation = bodies.read(body, CancellationBody.class);
        return inspections
                .cancel(caller.partnerId(), inspectionId, cancellation.reason())
                .toJson();
    }

    /** The inspections the caller may see, newest first: {@code {"inspections": […], "next": cursor|null}}. */
    @GetMapping
    ObjectNode list(
            AuthenticatedPartner caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String port,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        PartnerProfile reader = reader(caller);
        if (port != null && (port.isEmpty() || port.length() > 10)) {
            throw new ApiProblemException(ApiProblem.MALFORMED_REQUEST, "port: expected 1 to 10 characters");
        }
        Page page = queries.list(
                reader.partnerId(),
                reader.kind(),
                status(status),
                port,
                PageCursor.decode(cursor),
                PageCursor.limit(limit));
        ObjectNode answer = json.createObjectNode();
        ArrayNode items = answer.putArray("inspections");
        page.items().forEach(view -> items.add(viewJson(view)));
        answer.put("next", page.next() == null ? null : page.next().encode());
        return answer;
    }

    /** The inspection as the read model has it, with the signed records of all its events. */
    @GetMapping("/{inspectionId}")
    ObjectNode read(AuthenticatedPartner caller, @PathVariable String inspectionId) {
        PartnerProfile reader = reader(caller);
        InspectionView view = queries.findVisible(inspectionId, reader.partnerId(), reader.kind())
                .orElseThrow(() -> ApiProblemException.notFound("inspection " + inspectionId));
        ObjectNode answer = viewJson(view);
        ArrayNode signed = answer.putArray("records");
        records.ofAggregate(view.inspectionId()).forEach(record -> signed.add(record.toJson()));
        return answer;
    }

    private PartnerProfile reader(AuthenticatedPartner caller) {
        return registry.find(caller.partnerId())
                .orElseThrow(() -> new ApiProblemException(
                        ApiProblem.NOT_PERMITTED, "partner " + caller.partnerId() + " is not enrolled"));
    }

    private static InspectionStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return InspectionStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiProblemException(
                    ApiProblem.MALFORMED_REQUEST,
                    "status: expected one of " + Arrays.toString(InspectionStatus.values()));
        }
    }

    private ObjectNode viewJson(InspectionView view) {
        ObjectNode node = json.createObjectNode();
        node.put("inspectionId", view.inspectionId());
        node.put("status", view.status().name());
        node.put("requester", view.requester());
        node.put("carrier", view.carrier());
        ObjectNode shipment = node.putObject("shipment");
        putIfPresent(shipment, "trackingNumber", view.trackingNumber());
        putIfPresent(shipment, "airWaybill", view.airWaybill());
        putIfPresent(shipment, "containerNumber", view.containerNumber());
        node.put("portOfEntry", view.portOfEntry());
        node.put("priority", view.priority());
        ArrayNode linked = node.putArray("linkedShares");
        view.linkedShares().forEach(linked::add);
        putIfPresent(node, "result", view.result());
        putIfPresent(node, "requestedAt", view.requestedAt());
        putIfPresent(node, "acknowledgedAt", view.acknowledgedAt());
        putIfPresent(node, "scheduledFor", view.scheduledFor());
        putIfPresent(node, "location", view.location());
        putIfPresent(node, "scheduledAt", view.scheduledAt());
        putIfPresent(node, "completedAt", view.completedAt());
        putIfPresent(node, "cancelledAt", view.cancelledAt());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, Object value) {
        if (value != null) {
            node.put(field, value instanceof Instant instant ? instant.toString() : value.toString());
        }
    }
}
