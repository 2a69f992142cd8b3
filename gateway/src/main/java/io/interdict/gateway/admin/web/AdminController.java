package io.interdict.gateway.admin.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.gateway.admin.Administration;
import io.interdict.gateway.admin.web.AdminRequests.Enrol;
import io.interdict.gateway.admin.web.AdminRequests.Reason;
import io.interdict.gateway.admin.web.AdminRequests.SignAgreement;
import io.interdict.gateway.idempotency.IdempotencyKeys;
import io.interdict.gateway.idempotency.IdempotentCommands.Response;
import io.interdict.gateway.security.AuthenticatedPartner;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import io.interdict.gateway.web.JsonRequests;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's endpoints (PRODUCT.md §6; scope {@code admin}, see SecurityConfiguration): enrol,
 * suspend and reinstate partners (201/200), sign (201 + Location) and revoke (200) agreements. Each
 * answers with the signed record of the event produced; every POST takes an {@code Idempotency-Key}.
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

    private final Administration administration;
    private final JsonRequests requests;

    AdminController(Administration administration, JsonRequests requests) {
        this.administration = administration;
        this.requests = requests;
    }

    @PostMapping(path = "/partners", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> enrol(
            AuthenticatedPartner caller,
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey)
            throws JsonProcessingException {
        Enrol request = requests.read(body, Enrol.class);
        return respond(administration.enrol(
                caller.partnerId(),
                body,
                request.id(),
                request.kind(),
                request.displayName(),
                request.roles() == null || request.roles().isEmpty() ? Set.of() : EnumSet.copyOf(request.roles()),
                idempotencyKey));
    }

    @PostMapping(path = "/partners/{partnerId}/suspension", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> suspend(
            AuthenticatedPartner caller,
            @PathVariable String partnerId,
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey)
            throws JsonProcessingException {
        Reason request = requests.read(body, Reason.class);
        return respond(administration.suspend(caller.partnerId(), partnerId, body, request.reason(), idempotencyKey));
    }

    @PostMapping(path = "/partners/{partnerId}/reinstatement", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> reinstate(
            AuthenticatedPartner caller,
            @PathVariable String partnerId,
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey)
            throws JsonProcessingException {
        Reason request = requests.read(body, Reason.class);
        return respond(administration.reinstate(caller.partnerId(), partnerId, body, request.reason(), idempotencyKey));
    }

    @PostMapping(path = "/agreements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> signAgreement(
            AuthenticatedPartner caller,
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey)
            throws JsonProcessingException {
        SignAgreement request = requests.read(body, SignAgreement.class);
        return respond(administration.signAgreement(
                caller.partnerId(),
                body,
                request.provider(),
                request.recipient(),
                EnumSet.copyOf(request.kinds()),
                request.maxMarking(),
                request.validFrom(),
                request.validUntil(),
                idempotencyKey));
    }

    /** The optional {@code reason} is a query parameter: a DELETE carries no body. */
    @DeleteMapping("/agreements/{agreementId}")
    ResponseEntity<ObjectNode> revokeAgreement(
            AuthenticatedPartner caller,
            @PathVariable String agreementId,
            @RequestParam(required = false) String reason,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        if (reason != null && reason.length() > 1000) {
            throw new ApiProblemException(
                    ApiProblem.INVALID_INPUT, "reason: expected at most 1000 characters; found " + reason.length());
        }
        return respond(administration.revokeAgreement(caller.partnerId(), agreementId, reason, idempotencyKey));
    }

    private static ResponseEntity<ObjectNode> respond(Response response) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status());
        if (response.location() != null) {
            builder.location(URI.create(response.location()));
        }
        return builder.body(response.body());
    }
}
