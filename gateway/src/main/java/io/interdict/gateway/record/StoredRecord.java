package io.interdict.gateway.record;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.interdict.audit.record.SignedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A signed record as the event store holds it, with its payload left as the stored JSON text: what
 * a page of many records is written from without building a tree of every payload (the feed,
 * BENCHMARKS.md). {@link #writeTo} writes exactly the members of {@link SignedRecord#toJson()}, in
 * its order, with its values; {@link #toSignedRecord} is that record, for everything else.
 *
 * <p>Made only by {@link SignedRecords}, which derives every member from the stored columns by the
 * same rules the gateway signed with, and checks them as {@link SignedRecord} does.
 *
 * @param payloadJson the stored payload, one JSON object (checked when it was read)
 * @param submitterSignature null when the provider did not sign
 * @param leafIndex null until the record is in the log
 */
public record StoredRecord(
        String recordId,
        String recordType,
        String aggregateId,
        long aggregateSequence,
        String partner,
        String recordedAt,
        String payloadJson,
        String submitterSignature,
        String gatewaySignature,
        Long leafIndex) {

    /** This record in its wire form (PRODUCT.md §4, §5), as {@link SignedRecord#toJson()} writes it. */
    public void writeTo(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("recordId", recordId);
        json.writeStringField("recordType", recordType);
        json.writeStringField("aggregateId", aggregateId);
        json.writeNumberField("aggregateSequence", aggregateSequence);
        json.writeStringField("partner", partner);
        json.writeStringField("recordedAt", recordedAt);
        json.writeFieldName("payload");
        json.writeRawValue(payloadJson);
        if (submitterSignature != null) {
            json.writeStringField("submitterSignature", submitterSignature);
        }
        json.writeStringField("gatewaySignature", gatewaySignature);
        if (leafIndex != null) {
            json.writeNumberField("leafIndex", leafIndex.longValue());
        }
        json.writeEndObject();
    }

    /** The same record with its payload as a tree; the record's own checks run again. */
    SignedRecord toSignedRecord(ObjectMapper storeMapper) {
        try {
            return new SignedRecord(
                    recordId,
                    recordType,
                    aggregateId,
                    aggregateSequence,
                    partner,
                    recordedAt,
                    storeMapper.readTree(payloadJson),
                    submitterSignature,
                    gatewaySignature,
                    leafIndex);
        } catch (IOException e) {
            throw new UncheckedIOException("stored event " + recordId + " is not readable JSON", e);
        }
    }
}
