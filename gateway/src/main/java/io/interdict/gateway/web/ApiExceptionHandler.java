package io.interdict.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.interdict.domain.common.DomainRuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error leaves the API as an RFC 9457 problem: a stable type, a title, the status and a
 * detail that names what was expected and what was found. Never a stack trace; never the input
 * echoed back beyond the field name.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblemException e) {
        return respond(Problems.of(e));
    }

    /** A body bound by hand from a JSON tree (kept for signature checks) that does not fit the request type. */
    @ExceptionHandler(JsonProcessingException.class)
    ResponseEntity<ProblemDetail> unbindable(JsonProcessingException e) {
        return respond(Problems.unreadable(e));
    }

    @ExceptionHandler(DomainRuleViolation.class)
    ResponseEntity<ProblemDetail> domainRule(DomainRuleViolation e) {
        return respond(Problems.of(e));
    }

    @ExceptionHandler({
        CannotGetJdbcConnectionException.class,
        CannotCreateTransactionException.class,
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", rootMessage(e));
        ResponseEntity<ProblemDetail> response =
                respond(ApiProblem.UNAVAILABLE.detail("the database is unavailable; nothing was stored, retry later"));
        return ResponseEntity.status(response.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(response.getBody());
    }

    /**
     * A streamed response that failed after bytes had left: {@link StreamedResponse} logged it and
     * the connection is being cut; writing a problem now would only append it to the 200 body.
     */
    @ExceptionHandler(ResponseCut.class)
    void cut(ResponseCut e, HttpServletResponse response) {
        // handled: nothing more is written
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security's entry point and access-denied handler answer these (401/403).
        }
        if (databaseGone(e)) {
            // Axon and Hibernate wrap a lost connection in their own exceptions (command execution,
            // event store, JDBC connection): still "nothing stored, retry", never a 500.
            return databaseUnavailable(e);
        }
        log.error("Unexpected failure", e);
        return respond(ApiProblem.INTERNAL.detail("the request failed inside the gateway; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(respond(Problems.unreadable(e.getCause())));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of(
                        "field",
                        error.getField(),
                        "message",
                        error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))
                .toList();
        String detail = errors.stream()
                .map(error -> error.get("field") + " " + error.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ApiProblem.INVALID_INPUT.detail(detail);
        problem.setProperty("errors", errors);
        return cast(respond(problem));
    }

    /**
     * The problems Spring MVC raises itself (no such endpoint, wrong method, media type, missing
     * parameter…): our type and its fixed title (RFC 9457 §3.1.3: a title does not change from
     * occurrence to occurrence), a detail in our words where Spring's would name its internals, and
     * Spring's headers kept ({@code Allow} on 405, {@code Accept} on 415).
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response == null
                || !(response.getBody() instanceof ProblemDetail problem)
                || problem.getType() == null
                || !"about:blank".equals(problem.getType().toString())) {
            return response;
        }
        ApiProblem mapped = switch (status.value()) {
            case 404 -> ApiProblem.NO_SUCH_ENDPOINT;
            case 405 -> ApiProblem.METHOD_NOT_ALLOWED;
            case 406 -> ApiProblem.NOT_ACCEPTABLE;
            case 413 -> ApiProblem.PAYLOAD_TOO_LARGE;
            case 415 -> ApiProblem.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ApiProblem.UNAVAILABLE;
            default -> status.is4xxClientError() ? ApiProblem.MALFORMED_REQUEST : ApiProblem.INTERNAL;
        };
        String detail = detail(e, problem, mapped);
        ProblemDetail ours = mapped.detail(detail);
        ours.setInstance(problem.getInstance());
        HttpHeaders kept = new HttpHeaders();
        kept.putAll(response.getHeaders());
        kept.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(ours, kept, status);
    }

    private static String detail(Exception e, ProblemDetail spring, ApiProblem mapped) {
        if (e instanceof NoResourceFoundException missing) {
            return "no endpoint answers " + missing.getHttpMethod() + " /" + missing.getResourcePath();
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            return method.getSupportedHttpMethods() == null
                    ? method.getMethod() + " is not allowed here"
                    : method.getMethod() + " is not allowed here; allowed: "
                            + method.getSupportedHttpMethods().stream()
                                    .map(Object::toString)
                                    .sorted()
                                    .collect(Collectors.joining(", "));
        }
        if (e instanceof HttpMediaTypeNotSupportedException media) {
            return media.getContentType() == null
                    ? "Content-Type: expected application/json; none was sent"
                    : "Content-Type: expected application/json; found " + media.getContentType();
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return "Accept: this endpoint answers application/json (and application/problem+json for"
                    + " problems); the request accepts neither";
        }
        return spring.getDetail() != null ? spring.getDetail() : mapped.title();
    }

    /**
     * Whether a failure is the database being unreachable or going away mid-request: a connection
     * that could not be had or was cut (socket errors, a pooled connection closed under the request),
     * or SQLSTATE class 08 (connection exception) or 57P0x (server shutting down, crashed, or not yet
     * accepting connections) anywhere in the cause chain.
     */
    static boolean databaseGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof java.net.SocketException
                    || t instanceof java.io.EOFException) {
                return true;
            }
            // HikariCP's answer on a connection the pool closed under the request (no SQLSTATE).
            if (t instanceof java.sql.SQLException && "Connection is closed".equals(t.getMessage())) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return failure.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
