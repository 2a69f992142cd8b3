package io.interdict.gateway.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.interdict.domain.common.DomainRuleViolation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.ProblemDetail;

/**
 * The one mapping from a refusal to its RFC 9457 problem, used by {@link ApiExceptionHandler} for
 * whole responses and by endpoints that answer per item (the batch push) alike.
 */
public final class Problems {

    private Problems() {}

    /** The problem for a refusal: an API problem, a domain rule, unreadable JSON; anything else is internal. */
    public static ProblemDetail of(Throwable e) {
        if (e instanceof ApiProblemException api) {
            ProblemDetail problem = api.problem().detail(api.getMessage());
            if (api instanceof RequestValidation.InvalidRequestException invalid) {
                problem.setProperty("errors", invalid.errors());
            }
            return problem;
        }
        if (e instanceof DomainRuleViolation rule) {
            ApiProblem problem = switch (rule.reason()) {
                case INVALID_INPUT -> ApiProblem.INVALID_INPUT;
                case NOT_PERMITTED -> ApiProblem.NOT_PERMITTED;
                case INVALID_STATE -> ApiProblem.CONFLICT;
            };
            return problem.detail(rule.getMessage());
        }
        if (e instanceof JsonProcessingException || e instanceof RequestSizeLimit.BodyTooLargeException) {
            return unreadable(e);
        }
        return ApiProblem.INTERNAL.detail("the request failed inside the gateway; it has been logged");
    }

    /** A body that is not JSON, does not fit the request type, or exceeds a limit. */
    public static ProblemDetail unreadable(Throwable cause) {
        if (cause instanceof RequestSizeLimit.BodyTooLargeException tooLarge) {
            return ApiProblem.PAYLOAD_TOO_LARGE.detail(tooLarge.getMessage());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ApiProblem.MALFORMED_REQUEST.detail("unknown field '" + unknown.getPropertyName() + "' at "
                    + path(unknown) + "; expected one of " + unknown.getKnownPropertyIds());
        }
        if (cause instanceof JsonMappingException mapping && mapping.getOriginalMessage() != null) {
            Matcher coercion = COERCION.matcher(mapping.getOriginalMessage());
            if (coercion.find()) {
                return ApiProblem.MALFORMED_REQUEST.detail("field " + path(mapping) + ": expected "
                        + expected(coercion.group(3)) + ", found " + found(coercion.group(1))
                        + " (values are never converted)");
            }
        }
        if (cause instanceof InvalidFormatException invalid) {
            return ApiProblem.MALFORMED_REQUEST.detail(
                    "field " + path(invalid) + ": " + firstLine(invalid.getOriginalMessage()));
        }
        if (cause instanceof MismatchedInputException trailing
                && trailing.getOriginalMessage() != null
                && trailing.getOriginalMessage().startsWith("Trailing token")) {
            return ApiProblem.MALFORMED_REQUEST.detail(
                    "malformed JSON: more content after the top-level value; send exactly one JSON value");
        }
        if (cause instanceof MismatchedInputException mismatched) {
            String expected = mismatched.getTargetType() == null
                    ? "another type"
                    : mismatched.getTargetType().getSimpleName();
            return ApiProblem.MALFORMED_REQUEST.detail("field " + path(mismatched) + ": expected " + expected + "; "
                    + firstLine(mismatched.getOriginalMessage()));
        }
        if (cause instanceof StreamConstraintsException constraints) {
            return ApiProblem.MALFORMED_REQUEST.detail("request exceeds a JSON limit: " + constraints.getMessage());
        }
        if (cause instanceof JsonParseException parse) {
            return ApiProblem.MALFORMED_REQUEST.detail("malformed JSON: " + firstLine(parse.getOriginalMessage())
                    + " at line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr());
        }
        if (cause instanceof JsonMappingException mapping) {
            return ApiProblem.MALFORMED_REQUEST.detail(
                    "field " + path(mapping) + ": " + firstLine(mapping.getOriginalMessage()));
        }
        return ApiProblem.MALFORMED_REQUEST.detail("the request body is missing or is not JSON");
    }

    /** Jackson's refusal to convert a scalar: "Cannot coerce Floating-point value (5.5) to `java.lang.Integer`". */
    private static final Pattern COERCION =
            Pattern.compile("^Cannot coerce ([A-Za-z-]+) value \\((.*)\\) to `([^`]+)`", Pattern.DOTALL);

    private static String found(String jsonKind) {
        return switch (jsonKind) {
            case "Floating-point" -> "a number with a fraction or exponent";
            case "Integer" -> "an integer";
            case "String" -> "a string";
            case "Boolean" -> "true or false";
            default -> jsonKind.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String expected(String javaType) {
        return switch (javaType.substring(javaType.lastIndexOf('.') + 1)) {
            case "Integer", "int", "Long", "long", "Short", "short" -> "an integer";
            case "String" -> "a string";
            case "Boolean", "boolean" -> "true or false";
            case "Double", "double", "Float", "float", "BigDecimal" -> "a number";
            default -> "a " + javaType.substring(javaType.lastIndexOf('.') + 1);
        };
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(reference ->
                        reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "(root)" : "'" + path + "'";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
