package io.interdict.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * Binds a request body kept as a JSON tree (for signing and request digests) to its request type
 * with the same strictness as every other body ({@link StrictRequestBodies}: unknown fields, nulls
 * for numbers, numbers for enums or text, fractions for integers refused, naming the field; then
 * Bean Validation, 422 per field), except that the body must be present: these are the endpoints
 * whose whole body is the record.
 */
@Component
public class JsonRequests {

    private final StrictRequestBodies strict;

    JsonRequests(StrictRequestBodies strict) {
        this.strict = strict;
    }

    public <T> T read(JsonNode body, Class<T> type) throws JsonProcessingException {
        if (body == null || !body.isObject()) {
            throw new ApiProblemException(ApiProblem.MALFORMED_REQUEST, "expected a JSON object as the request body");
        }
        return strict.read(body, type);
    }
}
