package io.interdict.gateway.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem types the API answers with (RFC 9457). Each has a stable {@code type} URI that
 * clients can switch on, a fixed title, and an HTTP status; the {@code detail} says what was
 * expected and what was found.
 */
public enum ApiProblem {
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "The request could not be read"),
    INVALID_INPUT(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-input", "The request is not valid"),
    BAD_SIGNATURE(HttpStatus.UNPROCESSABLE_ENTITY, "bad-signature", "The submitter signature was refused"),
    NO_AGREEMENT(HttpStatus.UNPROCESSABLE_ENTITY, "no-sharing-agreement", "No sharing agreement covers a recipient"),
    EVIDENCE_LINK_REFUSED(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "evidence-link-refused",
            "A share may not be linked into this investigation (EvidenceLinkPolicy)"),
    LINKED_SHARE_NOT_SHARED(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "linked-share-not-shared",
            "A linked share is not visible to every partner who will see the inspection request"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required"),
    INSUFFICIENT_SCOPE(HttpStatus.FORBIDDEN, "insufficient-scope", "The token's scopes do not allow this request"),
    NOT_PERMITTED(HttpStatus.FORBIDDEN, "not-permitted", "The partner may not do this"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "No such record"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "The record's state does not allow this"),
    IDEMPOTENCY_KEY_REUSED(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "idempotency-key-reused",
            "The Idempotency-Key was used for another request"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Send application/json"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "No acceptable representation"),
    NO_SUCH_ENDPOINT(HttpStatus.NOT_FOUND, "no-such-endpoint", "No such endpoint"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "The gateway cannot serve this request now"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The gateway failed to process the request");

    private static final String TYPE_PREFIX = "urn:interdict:problem:";

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ApiProblem(HttpStatus status, String name, String title) {
        this.status = status;
        this.type = URI.create(TYPE_PREFIX + name);
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return type;
    }

    public ProblemDetail detail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
