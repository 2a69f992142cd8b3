package io.interdict.audit.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.canonical.Timestamps;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The fields of a signed record that the gateway signature covers (PRODUCT.md section 4):
 * {@code {recordId, recordType, aggregateId, aggregateSequence, partner, recordedAt, payload,
 * submitterSignature?}}.
 *
 * @param recordedAt ISO-8601 UTC with exactly three fraction digits, see {@link Timestamps}
 * @param submitterSignature the provider's detached JWS over JCS of its pushed body, or null
 */
public record Envelope(
        String recordId,
        String recordType,
        String aggregateId,
        long aggregateSequence,
        String partner,
        String recordedAt,
        JsonNode payload,
        String submitterSignature) {

    public Envelope {
        requireText("recordId", recordId);
        requireText("recordType", recordType);
        requireText("aggregateId", aggregateId);
        requireText("partner", partner);
        if (aggregateSequence < 0) {
            throw new InvalidRecordException("expected aggregateSequence >= 0, found " + aggregateSequence);
        }
        try {
            Timestamps.parse(recordedAt);
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException("recordedAt: " + e.getMessage());
        }
        if (payload == null || !payload.isObject()) {
            throw new InvalidRecordException("expected payload to be a JSON object, found "
                    + (payload == null ? "nothing" : payload.getNodeType()));
        }
        if (submitterSignature != null && submitterSignature.isEmpty()) {
            throw new InvalidRecordException(
                    "expected submitterSignature to be a JWS or absent, found an empty string");
        }
    }

    /** An envelope recorded at {@code recordedAt}, truncated to the millisecond the wire form keeps. */
    public static Envelope of(
            String recordId,
            String recordType,
            String aggregateId,
            long aggregateSequence,
            String partner,
            Instant recordedAt,
            JsonNode payload,
            String submitterSignature) {
        return new Envelope(
                recordId,
                recordType,
                aggregateId,
                aggregateSequence,
                partner,
                Timestamps.format(recordedAt),
                payload,
                submitterSignature);
    }

    public Instant recordedAtInstant() {
        return Instant.parse(recordedAt);
    }

    /** Exactly the envelope members; {@code submitterSignature} left out when absent, never null. */
    public ObjectNode toJson() {
        ObjectNode json = Jcs.mapper().createObjectNode();
        json.put("recordId", recordId);
        json.put("recordType", recordType);
        json.put("aggregateId", aggregateId);
        json.put("aggregateSequence", aggregateSequence);
        json.put("partner", partner);
        json.put("recordedAt", recordedAt);
        json.set("payload", payload);
        if (submitterSignature != null) {
            json.put("submitterSignature", submitterSignature);
        }
        return json;
    }

    /** The bytes the gateway signs: JCS of {@link #toJson()}. */
    public byte[] canonicalBytes() {
        return Jcs.canonicalize(toJson());
    }

    static void requireText(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidRecordException("expected " + field + " to be a non-empty string, found "
                    + (value == null ? "nothing" : "an empty string"));
        }
    }
}
