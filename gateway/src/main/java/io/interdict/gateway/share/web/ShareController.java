package io.interdict.gateway.share.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.record.SignedRecord;
import io.interdict.gateway.access.AccessLog;
import io.interdict.gateway.idempotency.IdempotencyKeys;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.record.SignedRecords;
import io.interdict.gateway.security.AuthenticatedPartner;
import io.interdict.gateway.share.SharePushes;
import io.interdict.gateway.share.SharePushes.Pushed;
import io.interdict.gateway.share.query.ShareQueries;
import io.interdict.gateway.share.query.ShareQueries.VisibleShare;
import io.interdict.gateway.web.ApiProblemException;
import io.interdict.gateway.web.JsonRequests;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Intelligence shares: push and read (PRODUCT.md §6). */
@RestController
@Validated
@RequestMapping(path = "/api/v1/shares", produces = MediaType.APPLICATION_JSON_VALUE)
class ShareController {

    static final String SIGNATURE_HEADER = "Interdict-Signature";
    static final String IDEMPOTENCY_HEADER = IdempotencyKeys.HEADER;
    static final String STATUS_HEADER = "Interdict-Share-Status";

    private final SharePushes pushes;
    private final ShareQueries queries;
    private final SignedRecords records;
    private final PartnerRegistry registry;
    private final JsonRequests requests;
    private final AccessLog accessLog;

    ShareController(
            SharePushes pushes,
            ShareQueries queries,
            SignedRecords records,
            PartnerRegistry registry,
            JsonRequests requests,
            AccessLog accessLog) {
        this.pushes = pushes;
        this.queries = queries;
        this.records = records;
        this.registry = registry;
        this.requests = requests;
        this.accessLog = accessLog;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> push(
            AuthenticatedPartner caller,
            @RequestBody JsonNode body,
            @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
            @RequestHeader(name = IDEMPOTENCY_HEADER, required = false) String idempotencyKey)
            throws JsonProcessingException {
        PushShareRequest request = requests.read(body, PushShareRequest.class);
        Pushed pushed = pushes.push(caller.partnerId(), body, request.toContent(), signature, idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/shares/" + pushed.record().aggregateId()))
                .body(pushed.record().toJson());
    }

    /**
     * The signed record of the requested version. Whether the share is withdrawn is not part of that
     * record (the withdrawal is a record of its own), so it travels in {@value #STATUS_HEADER}:
     * {@code active} or {@code withdrawn} (PRODUCT.md §3: the audience still sees a withdrawn share).
     */
    @GetMapping("/{shareId}")
    ResponseEntity<ObjectNode> read(
            AuthenticatedPartner caller,
            @PathVariable String shareId,
            @RequestParam(required = false) @Min(1) Integer version) {
        var reader =
                registry.find(caller.partnerId()).orElseThrow(() -> ApiProblemException.notFound("share " + shareId));
        VisibleShare share = queries.findVisible(shareId, reader.partnerId(), reader.kind(), version)
                .orElseThrow(() -> ApiProblemException.notFound(
                        version == null ? "share " + shareId : "version " + version + " of share " + shareId));
        SignedRecord record = records.findInLog(share.shareId(), share.sequenceNumber())
                .orElseThrow(() -> ApiProblemException.notFound("share " + shareId));
        accessLog.recordsRead(
                reader.partnerId(),
                "GET /api/v1/shares/" + shareId + (version == null ? "" : "?version=" + version),
                List.of(record));
        return ResponseEntity.ok()
                .header(STATUS_HEADER, share.withdrawn() ? "withdrawn" : "active")
                .body(record.toJson());
    }
}
