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
        if (cause instanceof MismatchedInputException mismatched && mismatched.getOriginalMessage() != null) {
            Matcher coercion = COERCION.matcher(mismatched.getOriginalMessage());
            if (coercion.find()) {
                return ApiProblem.MALFORMED_REQUEST.detail("field " + path(mismatched) + ": expected "
                        + expectedJson(mismatched.getTargetType()) + ", found " + found(coercion.group(1))
                        + " (values are never converted)");
            }
        }
        if (cause instanceof InvalidFormatException invalid) {
            return ApiProblem.MALFORMED_REQUEST.detail("field " + path(invalid) + ": " + invalidValue(invalid));
        }
        if (cause instanceof MismatchedInputException trailing
                && trailing.getOriginalMessage() != null
                && trailing.getOriginalMessage().startsWith("Trailing token")) {
            return ApiProblem.MALFORMED_REQUEST.detail(
                    "malformed JSON: more content after the top-level value; send exactly one JSON value");
        }
        if (cause instanceof MismatchedInputException mismatched) {
            String found = foundJson(mismatched.getOriginalMessage());
            return ApiProblem.MALFORMED_REQUEST.detail("field " + path(mismatched) + ": expected "
                    + expectedJson(mismatched.getTargetType()) + (found == null ? "" : ", found " + found));
        }
        if (cause instanceof StreamConstraintsException constraints) {
            return ApiProblem.MALFORMED_REQUEST.detail(
                    "request exceeds a JSON limit: " + withoutJavaSource(constraints.getOriginalMessage()));
        }
        if (cause instanceof JsonParseException parse) {
            return ApiProblem.MALFORMED_REQUEST.detail("malformed JSON: "
                    + withoutJavaSource(firstLine(parse.getOriginalMessage()))
                    + " at line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr());
        }
        if (cause instanceof JsonMappingException mapping) {
            // A value Jackson read but a constructor refused: a domain rule says why in its own words;
            // anything else would only name our classes.
            DomainRuleViolation rule = domainRule(mapping);
            return rule != null
                    ? of(rule)
                    : ApiProblem.MALFORMED_REQUEST.detail("field " + path(mapping) + ": not a valid value here");
        }
        return ApiProblem.MALFORMED_REQUEST.detail("the request body is missing or is not JSON");
    }

    /** Jackson's list of the strings an enum accepts: "…not one of the values accepted for Enum class: [A, B]". */
    private static final Pattern ENUM_VALUES =
            Pattern.compile("not one of the values accepted for Enum class: (\\[.*\\])");

    /** The JSON Jackson met where another was expected: "…from Object value (token `JsonToken.START_OBJECT`)". */
    private static final Pattern FOUND_VALUE =
            Pattern.compile("from (Object|Array|String|Integer|Floating-point|Boolean|Null|Number) value");

    /** Where Jackson names a Java source of a limit or a position: ", from `StreamReadConstraints…`", "[Source: …]". */
    private static final Pattern JAVA_SOURCE =
            Pattern.compile(", from `[^`]*`|\\s*\\(start marker at \\[Source: .*|\\s*at \\[Source: .*");

    /** A string that is no value of its field: the values an enum takes, or the form it must have; never echoed. */
    private static String invalidValue(InvalidFormatException invalid) {
        Class<?> target = invalid.getTargetType();
        if (target != null && target.isEnum() && invalid.getOriginalMessage() != null) {
            Matcher values = ENUM_VALUES.matcher(invalid.getOriginalMessage());
            if (values.find()) {
                return "not one of " + values.group(1);
            }
        }
        DomainRuleViolation rule = domainRule(invalid);
        if (rule != null) {
            // Our own deserializers refuse with the domain's rule, worded for the wire (a TLP marking).
            return rule.getMessage();
        }
        if (target != null && java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "not a timestamp; expected an RFC 3339 date-time in UTC such as 2026-12-06T12:00:00Z";
        }
        if (target == java.util.UUID.class) {
            return "not a UUID";
        }
        return "not a valid value here";
    }

    /** The JSON a Java type binds from, in the words of the wire format. */
    private static String expectedJson(Class<?> type) {
        if (type == null) {
            return "another JSON value";
        }
        if (type == String.class
                || type == Character.class
                || type == char.class
                || type.isEnum()
                || java.time.temporal.Temporal.class.isAssignableFrom(type)
                || type == java.util.UUID.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String foundJson(String message) {
        Matcher found = message == null ? null : FOUND_VALUE.matcher(message);
        return found != null && found.find() ? found(found.group(1)) : null;
    }

    /** The domain rule that a deserializer or constructor refused the value with, if any. */
    private static DomainRuleViolation domainRule(Throwable refusal) {
        for (Throwable inner = refusal.getCause(); inner != null; inner = inner.getCause()) {
            if (inner instanceof DomainRuleViolation rule) {
                return rule;
            }
        }
        return null;
    }

    private static String withoutJavaSource(String message) {
        return message == null ? "invalid input" : JAVA_SOURCE.matcher(message).replaceAll("");
    }

    /** Jackson's refusal to convert a scalar: "Cannot coerce Floating-point value (5.5) to `java.lang.Integer`". */
    private static final Pattern COERCION = Pattern.compile("^Cannot coerce ([A-Za-z-]+) value ");

    /** A kind of JSON value as Jackson names it ("Floating-point", "Object"…), in the wire format's words. */
    private static String found(String jsonKind) {
        return switch (jsonKind) {
            case "Object" -> "an object";
            case "Array" -> "an array";
            case "Number" -> "a number";
            case "Floating-point" -> "a number with a fraction or exponent";
            case "Integer" -> "an integer";
            case "String" -> "a string";
            case "Boolean" -> "true or false";
            default -> jsonKind.toLowerCase(java.util.Locale.ROOT);
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
