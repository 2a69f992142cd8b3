package io.interdict.gateway.share.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.gateway.idempotency.IdempotencyKeys;
import io.interdict.gateway.idempotency.IdempotentCommands.Response;
import io.interdict.gateway.security.AuthenticatedPartner;
import io.interdict.gateway.share.ShareChanges;
import io.interdict.gateway.share.web.ShareChangeRequests.ExtendAudience;
import io.interdict.gateway.share.web.ShareChangeRequests.RecordAction;
import io.interdict.gateway.share.web.ShareChangeRequests.Withdraw;
import io.interdict.gateway.web.JsonRequests;
import java.net.URI;
import java.util.LinkedHashSet;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's changes to its share (PRODUCT.md §6): amend (201, a new version readable with
 * {@code GET /api/v1/shares/{id}?version=n}), extend the audience, withdraw, record an action (200).
 * Every answer is the signed record of the event produced; every endpoint takes an
 * {@code Idempotency-Key}.
 */
@RestController
@RequestMapping(
        path = "/api/v1/shares/{shareId}",
        consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class ShareChangeController {

    private final ShareChanges changes;
    private final JsonRequests requests;

    ShareChangeController(ShareChanges changes, JsonRequests requests) {
        this.changes = changes;
        this.requests = requests;
    }

    @PostMapping("/amendments")
    ResponseEntity<ObjectNode> amend(
            AuthenticatedPartner caller,
            @PathVariable String shareId,
            @RequestBody JsonNode body,
            @RequestHeader(name = ShareController.SIGNATURE_HEADER, required = false) String signature,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey)
            throws JsonProcessingException {
        PushShareRequest request = requests.read(body, PushShareRequest.class);
        return respond(
                changes.amend(caller.partnerId(), shareId, body, request.toContent(), signature, idempotencyKey));
    }

    @PostMapping("/audience")
    ResponseEntity<ObjectNode> extendAudience(
            AuthenticatedPartner caller,
            @PathVariable String shareId,
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey)
            throws JsonProcessingException {
        ExtendAudience request = requests.read(body, ExtendAudience.class);
        return respond(changes.extendAudience(
                caller.partnerId(), shareId, body, new LinkedHashSet<>(request.recipients()), idempotencyKey));
    }

    @PostMapping("/withdrawal")
    ResponseEntity<ObjectNode> withdraw(
            AuthenticatedPartner caller,
            @PathVariable String shareId,
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey)
            throws JsonProcessingException {
        Withdraw request = requests.read(body, Withdraw.class);
        return respond(changes.withdraw(caller.partnerId(), shareId, body, request.reason(), idempotencyKey));
    }

    @PostMapping("/actions")
    ResponseEntity<ObjectNode> recordAction(
            AuthenticatedPartner caller,
            @PathVariable String shareId,
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey)
            throws JsonProcessingException {
        RecordAction request = requests.read(body, RecordAction.class);
        return respond(changes.recordAction(
                caller.partnerId(), shareId, body, request.action(), request.details(), idempotencyKey));
    }

    static ResponseEntity<ObjectNode> respond(Response response) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status());
        if (response.location() != null) {
            builder.location(URI.create(response.location()));
        }
        return builder.body(response.body());
    }
}
