package io.interdict.audit.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * A notarised event as the API returns it (PRODUCT.md sections 4 and 8): the {@link Envelope}
 * fields, the gateway's detached JWS over JCS of the envelope, and the Merkle leaf index once the
 * log has appended it.
 *
 * <p>The payload tree is shared, not copied: callers must not mutate it after construction, or the
 * signature stops matching.
 *
 * @param submitterSignature null when the provider did not sign its push
 * @param leafIndex null until the record is in the log
 */
public record SignedRecord(
        String recordId,
        String recordType,
        String aggregateId,
        long aggregateSequence,
        String partner,
        String recordedAt,
        JsonNode payload,
        String submitterSignature,
        String gatewaySignature,
        Long leafIndex) {

    private static final Set<String> MEMBERS = Set.of(
            "recordId",
            "recordType",
            "aggregateId",
            "aggregateSequence",
            "partner",
            "recordedAt",
            "payload",
            "submitterSignature",
            "gatewaySignature",
            "leafIndex");

    public SignedRecord {
        // Validates the envelope fields with the same rules as when it was signed.
        new Envelope(
                recordId, recordType, aggregateId, aggregateSequence, partner, recordedAt, payload, submitterSignature);
        Envelope.requireText("gatewaySignature", gatewaySignature);
        if (leafIndex != null && leafIndex < 0) {
            throw new InvalidRecordException("expected leafIndex >= 0, found " + leafIndex);
        }
    }

    static SignedRecord of(Envelope envelope, String gatewaySignature) {
        return new SignedRecord(
                envelope.recordId(),
                envelope.recordType(),
                envelope.aggregateId(),
                envelope.aggregateSequence(),
                envelope.partner(),
                envelope.recordedAt(),
                envelope.payload(),
                envelope.submitterSignature(),
                gatewaySignature,
                null);
    }

    /** This record with its position in the log (PRODUCT.md section 5). */
    public SignedRecord withLeafIndex(long index) {
        return new SignedRecord(
                recordId,
                recordType,
                aggregateId,
                aggregateSequence,
                partner,
                recordedAt,
                payload,
                submitterSignature,
                gatewaySignature,
                index);
    }

    public Envelope envelopeFields() {
        return new Envelope(
                recordId, recordType, aggregateId, aggregateSequence, partner, recordedAt, payload, submitterSignature);
    }

    public Optional<String> submitterSignatureIfAny() {
        return Optional.ofNullable(submitterSignature);
    }

    public Optional<Long> leafIndexIfKnown() {
        return Optional.ofNullable(leafIndex);
    }

    /** Exactly the envelope members the gateway signs; optional ones left out when absent. */
    public ObjectNode envelope() {
        return envelopeFields().toJson();
    }

    /** The Merkle leaf object: envelope plus {@code gatewaySignature}, never {@code leafIndex} (PRODUCT.md section 5). */
    public ObjectNode leaf() {
        ObjectNode leaf = envelope();
        leaf.put("gatewaySignature", gatewaySignature);
        return leaf;
    }

    /** The RFC 9162 section 2.1 {@code leaf} input: UTF-8 of JCS of {@link #leaf()}. */
    public byte[] leafBytes() {
        return Jcs.canonicalize(leaf());
    }

    /** The wire form: the leaf plus {@code leafIndex} once known. */
    public ObjectNode toJson() {
        ObjectNode json = leaf();
        if (leafIndex != null) {
            json.put("leafIndex", leafIndex.longValue());
        }
        return json;
    }

    /** Parses the wire form strictly: unknown members, nulls and wrong types are refused. */
    public static SignedRecord fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidRecordException("expected a signed record as a JSON object, found "
                    + (json == null ? "nothing" : json.getNodeType()));
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw new InvalidRecordException(
                        "unexpected member \"" + name + "\" in a signed record; expected only " + MEMBERS);
            }
        }
        JsonNode payload = json.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new InvalidRecordException("expected \"payload\" as a JSON object, found "
                    + (payload == null ? "none" : payload.getNodeType()));
        }
        return new SignedRecord(
                text(json, "recordId", true),
                text(json, "recordType", true),
                text(json, "aggregateId", true),
                integer(json, "aggregateSequence"),
                text(json, "partner", true),
                text(json, "recordedAt", true),
                payload,
                text(json, "submitterSignature", false),
                text(json, "gatewaySignature", true),
                json.has("leafIndex") ? integer(json, "leafIndex") : null);
    }

    private static String text(JsonNode json, String member, boolean required) {
        JsonNode value = json.get(member);
        if (value == null && !required) {
            return null;
        }
        if (value == null || !value.isTextual()) {
            throw new InvalidRecordException("expected \"" + member + "\" as a string, found "
                    + (value == null ? "none" : value.getNodeType().toString()));
        }
        return value.textValue();
    }

    private static long integer(JsonNode json, String member) {
        JsonNode value = json.get(member);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidRecordException("expected \"" + member + "\" as an integer, found "
                    + (value == null ? "none" : value.getNodeType() + " " + value));
        }
        return value.longValue();
    }
}
