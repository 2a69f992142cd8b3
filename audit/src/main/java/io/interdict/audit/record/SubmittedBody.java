package io.interdict.audit.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.audit.canonical.CanonicalizationException;
import io.interdict.audit.canonical.Jcs;

/**
 * Where a record keeps the body its provider pushed and signed. The submitter's JWS is over JCS of
 * that body (PRODUCT.md section 4), and the gateway stores it inside the payload; this says where.
 */
@FunctionalInterface
public interface SubmittedBody {

    /** The pushed body as a JSON object in {@code payload.submitted}. */
    SubmittedBody PAYLOAD_SUBMITTED = record -> record.payload().get("submitted");

    /**
     * The gateway's share events: the pushed body as a JSON <em>string</em> holding its RFC 8785
     * text in {@code payload.submittedBody}, next to {@code payload.submitterSignature}. The string
     * is parsed (strictly, see {@link Jcs#parse(String)}) and canonicalised again by the verifier, so
     * a body that is not valid JSON is reported as a malformed submitter signature.
     */
    SubmittedBody PAYLOAD_SUBMITTED_BODY_STRING = record -> {
        JsonNode text = record.payload().get("submittedBody");
        if (text == null || !text.isTextual()) {
            return null;
        }
        try {
            return Jcs.parse(text.textValue());
        } catch (CanonicalizationException e) {
            return null;
        }
    };

    /** Either layout: {@code payload.submittedBody} (a string) first, else {@code payload.submitted}. */
    SubmittedBody ANY_LAYOUT = record -> {
        JsonNode body = PAYLOAD_SUBMITTED_BODY_STRING.submittedBody(record);
        return body != null ? body : PAYLOAD_SUBMITTED.submittedBody(record);
    };

    /** The body the submitter signed, or null if the record does not carry it. */
    JsonNode submittedBody(SignedRecord record);
}
