package io.interdict.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Binds a request body kept as a JSON tree (for signing and request digests) to its request type,
 * strictly (PRODUCT.md §7): an unknown field, a null for a number or a number for an enum is a 400
 * naming the field, then Bean Validation gives a 422 per field. Boot's HTTP mapper tolerates unknown
 * fields; this reader does not.
 */
@Component
public class JsonRequests {

    private final ObjectMapper json;
    private final RequestValidation validation;

    JsonRequests(ObjectMapper json, RequestValidation validation) {
        this.json = json;
        this.validation = validation;
    }

    public <T> T read(JsonNode body, Class<T> type) throws JsonProcessingException {
        if (body == null || !body.isObject()) {
            throw new ApiProblemException(ApiProblem.MALFORMED_REQUEST, "expected a JSON object as the request body");
        }
        T request = json.reader()
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .with(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .treeToValue(body, type);
        return validation.valid(request);
    }
}
