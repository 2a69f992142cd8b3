package io.interdict.gateway.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Bean Validation for request bodies bound by hand (e.g. from a JSON tree kept for signing). */
@Component
public class RequestValidation {

    private final Validator validator;

    RequestValidation(Validator validator) {
        this.validator = validator;
    }

    public <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return request;
        }
        List<Map<String, String>> errors = violations.stream()
                .sorted(Comparator.comparing(
                        violation -> violation.getPropertyPath().toString()))
                .map(violation ->
                        Map.of("field", violation.getPropertyPath().toString(), "message", violation.getMessage()))
                .toList();
        String detail = errors.stream()
                .map(error -> error.get("field") + " " + error.get("message"))
                .collect(Collectors.joining("; "));
        throw new InvalidRequestException(detail, errors);
    }

    /** A request that failed validation, with one entry per field. */
    public static final class InvalidRequestException extends ApiProblemException {

        private static final long serialVersionUID = 1L;

        private final transient List<Map<String, String>> errors;

        InvalidRequestException(String detail, List<Map<String, String>> errors) {
            super(ApiProblem.INVALID_INPUT, detail);
            this.errors = errors;
        }

        public List<Map<String, String>> errors() {
            return errors;
        }
    }
}
