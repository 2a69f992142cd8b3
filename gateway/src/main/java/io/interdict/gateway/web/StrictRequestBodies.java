package io.interdict.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.stereotype.Component;

/**
 * Binds a JSON request body to its request type strictly (PRODUCT.md §7): an unknown field, a number
 * where text is expected (or text where a number is), a number for an enum, or anything but an
 * object is refused with a problem naming the field — never silently dropped or converted. The
 * result is then checked with Bean Validation.
 */
@Component
public class StrictRequestBodies {

    private final ObjectMapper strict;
    private final RequestValidation validation;

    StrictRequestBodies(ObjectMapper json, RequestValidation validation) {
        ObjectMapper copy = json.copy();
        copy.enable(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // 5.5 for an integer field is refused, not truncated to 5.
        copy.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        copy.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        copy.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        this.strict = copy;
        this.validation = validation;
    }

    /** The body as {@code type}, valid; {@code null} (no body) counts as an empty object. */
    public <T> T read(JsonNode body, Class<T> type) throws JsonProcessingException {
        JsonNode object = body == null || body.isMissingNode() ? strict.createObjectNode() : body;
        if (!object.isObject()) {
            throw new ApiProblemException(ApiProblem.MALFORMED_REQUEST, "expected a JSON object as the request body");
        }
        return validation.valid(strict.treeToValue(object, type));
    }
}
