package io.interdict.audit.record;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a record keeps the body its provider pushed and signed. The submitter's JWS is over JCS of
 * that body (PRODUCT.md section 4), and the gateway stores it inside the payload; this says where.
 */
@FunctionalInterface
public interface SubmittedBody {

    /** The default layout: the pushed body is {@code payload.submitted}. */
    SubmittedBody PAYLOAD_SUBMITTED = record -> record.payload().get("submitted");

    /** The body the submitter signed, or null if the record does not carry it. */
    JsonNode submittedBody(SignedRecord record);
}
