package io.interdict.gateway.investigation.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.record.SignedRecord;
import io.interdict.gateway.access.AccessLog;
import io.interdict.gateway.investigation.Investigations;
import io.interdict.gateway.investigation.query.InvestigationQueries;
import io.interdict.gateway.investigation.query.InvestigationQueries.Outcome;
import io.interdict.gateway.investigation.query.InvestigationQueries.Page;
import io.interdict.gateway.investigation.query.InvestigationView;
import io.interdict.gateway.investigation.query.InvestigationView.Access;
import io.interdict.gateway.investigation.web.InvestigationRequestBodies.ClosureBody;
import io.interdict.gateway.investigation.web.InvestigationRequestBodies.EvidenceBody;
import io.interdict.gateway.investigation.web.InvestigationRequestBodies.OpenBody;
import io.interdict.gateway.investigation.web.InvestigationRequestBodies.OutcomeBody;
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
import java.util.List;
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
 * Investigations (PRODUCT.md §6): each change answers with the signed record of the event it
 * caused. Reads are filtered by visibility in the query (§3): the lead agency and auditors get the
 * whole investigation with the signed records of all its events; a provider whose share was linked
 * gets feedback — status, outcomes, its own linked shares and the signed records of the outcomes.
 */
@RestController
@RequestMapping(path = "/api/v1/investigations", produces = MediaType.APPLICATION_JSON_VALUE)
class InvestigationController {

    private final Investigations investigations;
    private final InvestigationQueries queries;
    private final SignedRecords records;
    private final PartnerRegistry registry;
    private final StrictRequestBodies bodies;
    private final ObjectMapper json;
    private final AccessLog accessLog;

    InvestigationController(
            Investigations investigations,
            InvestigationQueries queries,
            SignedRecords records,
            PartnerRegistry registry,
            StrictRequestBodies bodies,
            ObjectMapper json,
            AccessLog accessLog) {
        this.investigations = investigations;
        this.queries = queries;
        this.records = records;
        this.registry = registry;
        this.bodies = bodies;
        this.json = json;
        this.accessLog = accessLog;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> open(AuthenticatedPartner caller, @RequestBody JsonNode body)
            throws JsonProcessingException {
        OpenBody open = bodies.read(body, OpenBody.class);
        SignedRecord record = investigations.open(caller.partnerId(), open.title(), open.subjects());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/investigations/" + record.aggregateId()))
                .body(record.toJson());
    }

    @PostMapping(path = "/{investigationId}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode linkEvidence(
            AuthenticatedPartner caller, @PathVariable String investigationId, @RequestBody JsonNode body)
            throws JsonProcessingException {
        EvidenceBody evidence = bodies.read(body, EvidenceBody.class);
        return investigations
                .linkEvidence(caller.partnerId(), investigationId, evidence.shareIds(), evidence.inspectionIds())
                .toJson();
    }

    @PostMapping(path = "/{investigationId}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode recordOutcome(
            AuthenticatedPartner caller, @PathVariable String investigationId, @RequestBody JsonNode body)
            throws JsonProcessingException {
        OutcomeBody outcome = bodies.read(body, OutcomeBody.class);
        return investigations
                .recordOutcome(caller.partnerId(), investigationId, outcome.outcome(), outcome.details())
                .toJson();
    }

    @PostMapping(path = "/{investigationId}/closure")
    ObjectNode close(
            AuthenticatedPartner caller,
            @PathVariable String investigationId,
            @RequestBody(required = false) JsonNode body)
            throws JsonProcessingException {
        ClosureBody closure = bodies.read(body, ClosureBody.class);
        return investigations
                .close(caller.partnerId(), investigationId, closure.reason())
                .toJson();
    }

    /** The investigations the caller may see, newest first: {@code {"investigations": […], "next": …}}. */
    @GetMapping
    ObjectNode list(
            AuthenticatedPartner caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        PartnerProfile reader = reader(caller);
        Page page = queries.list(
                reader.partnerId(), reader.kind(), status(status), PageCursor.decode(cursor), PageCursor.limit(limit));
        ObjectNode answer = json.createObjectNode();
        ArrayNode items = answer.putArray("investigations");
        page.items().forEach(view -> items.add(summary(view)));
        answer.put("next", page.next() == null ? null : page.next().encode());
        return answer;
    }

    @GetMapping("/{investigationId}")
    ObjectNode read(AuthenticatedPartner caller, @PathVariable String investigationId) {
        PartnerProfile reader = reader(caller);
        InvestigationView view = queries.findVisible(investigationId, reader.partnerId(), reader.kind())
                .orElseThrow(() -> ApiProblemException.notFound("investigation " + investigationId));
        ObjectNode answer = summary(view);
        List<Outcome> outcomes = queries.outcomes(view.investigationId());
        ArrayNode outcomeList = answer.putArray("outcomes");
        outcomes.forEach(outcome -> {
            ObjectNode node = outcomeList.addObject();
            node.put("outcome", outcome.outcome());
            putIfPresent(node, "details", outcome.details());
            node.put("recordedBy", outcome.recordedBy());
            node.put("recordedAt", outcome.recordedAt().toString());
        });
        ArrayNode signed;
        List<SignedRecord> handedOut = new java.util.ArrayList<>();
        if (view.access() == Access.FULL) {
            strings(answer.putArray("shareIds"), queries.linkedShares(view.investigationId()));
            strings(answer.putArray("inspectionIds"), queries.linkedInspections(view.investigationId()));
            signed = answer.putArray("records");
            handedOut.addAll(records.ofAggregate(view.investigationId()));
        } else {
            // Feedback: only the caller's own shares, and only the records of the outcomes.
            strings(answer.putArray("shareIds"), queries.linkedSharesOf(view.investigationId(), reader.partnerId()));
            signed = answer.putArray("records");
            outcomes.forEach(outcome -> records.findInLog(view.investigationId(), outcome.sequenceNumber())
                    .ifPresent(handedOut::add));
        }
        accessLog.recordsRead(reader.partnerId(), "GET /api/v1/investigations/" + investigationId, handedOut);
        handedOut.forEach(record -> signed.add(record.toJson()));
        return answer;
    }

    private PartnerProfile reader(AuthenticatedPartner caller) {
        return registry.find(caller.partnerId())
                .orElseThrow(() -> new ApiProblemException(
                        ApiProblem.NOT_PERMITTED, "partner " + caller.partnerId() + " is not enrolled"));
    }

    private static String status(String status) {
        if (status == null) {
            return null;
        }
        String upper = status.toUpperCase(Locale.ROOT);
        if (!upper.equals("OPEN") && !upper.equals("CLOSED")) {
            throw new ApiProblemException(ApiProblem.MALFORMED_REQUEST, "status: expected OPEN or CLOSED");
        }
        return upper;
    }

    private ObjectNode summary(InvestigationView view) {
        ObjectNode node = json.createObjectNode();
        node.put("investigationId", view.investigationId());
        node.put("access", view.access().name());
        node.put("status", view.status());
        node.put("leadAgency", view.leadAgency());
        putIfPresent(node, "title", view.title());
        if (view.subjects() != null) {
            strings(node.putArray("subjects"), view.subjects());
        }
        putIfPresent(node, "outcome", view.outcome());
        putIfPresent(node, "details", view.outcomeDetails());
        putIfPresent(node, "outcomeRecordedAt", view.outcomeRecordedAt());
        putIfPresent(node, "openedAt", view.openedAt());
        putIfPresent(node, "closedAt", view.closedAt());
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void putIfPresent(ObjectNode node, String field, Object value) {
        if (value != null) {
            node.put(field, value instanceof Instant instant ? instant.toString() : value.toString());
        }
    }
}
