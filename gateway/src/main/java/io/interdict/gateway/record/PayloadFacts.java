package io.interdict.gateway.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.interdict.audit.record.InvalidRecordException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a signed record takes from its event's payload besides the payload itself (PRODUCT.md §4):
 * the acting partner and the submitter's signature. One rule, read from a token stream, so the
 * notary (from the payload tree it signs) and every reader (from the stored text, without building
 * a tree) derive the same members.
 *
 * @param actor the payload's {@code actor} if it is a string, else the event's metadata actor, else
 *     {@code "gateway"}
 * @param submitterSignature the payload's {@code submitterSignature} if it is a non-empty string,
 *     else null
 */
record PayloadFacts(String actor, String submitterSignature) {

    static final String ACTOR = "actor";
    static final String SUBMITTER_SIGNATURE = "submitterSignature";

    /** The facts of the one JSON object {@code payload} reads; {@code metaActor} may be null. */
    static PayloadFacts of(JsonParser payload, String metaActor) throws IOException {
        Map<String, String> members = topLevelStrings(payload, ACTOR, SUBMITTER_SIGNATURE);
        String actor = members.get(ACTOR);
        String signature = members.get(SUBMITTER_SIGNATURE);
        return new PayloadFacts(
                actor != null ? actor : metaActor != null ? metaActor : "gateway",
                signature == null || signature.isEmpty() ? null : signature);
    }

    /**
     * The string values of the named top-level members of the one JSON object {@code parser} reads
     * (the last, should a name repeat, as a tree would keep it); members of other types are left
     * out. Everything is read to the end, so text that is not exactly one object is refused.
     */
    static Map<String, String> topLevelStrings(JsonParser parser, String... names) throws IOException {
        Set<String> wanted = Set.of(names);
        Map<String, String> found = new HashMap<>(4);
        try (parser) {
            JsonToken start = parser.nextToken();
            if (start != JsonToken.START_OBJECT) {
                throw new InvalidRecordException("expected a JSON object, found "
                        + (start == null ? "nothing" : start.asString() == null ? start.name() : start.asString()));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (wanted.contains(name)) {
                    if (value == JsonToken.VALUE_STRING) {
                        found.put(name, parser.getText());
                    } else {
                        found.remove(name);
                    }
                }
                parser.skipChildren();
            }
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new InvalidRecordException("expected one JSON object, found more after it: " + after);
            }
        }
        return found;
    }
}
