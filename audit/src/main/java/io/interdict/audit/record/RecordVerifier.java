package io.interdict.audit.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.audit.canonical.CanonicalizationException;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.jose.DetachedJws;
import io.interdict.audit.jose.JwkSet;
import io.interdict.audit.jose.JwsFailure;
import io.interdict.audit.jose.JwsVerification;
import io.interdict.audit.jose.PublishedKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a signed record offline against the published keys (PRODUCT.md section 4, "any consumer
 * can verify a record offline").
 *
 * <ul>
 *   <li>The gateway signature must be a detached JWS over JCS of the envelope by a key whose owner is
 *       "gateway" and that was valid at {@code recordedAt}.
 *   <li>When present, the submitter signature must be a detached JWS over JCS of the pushed body (found
 *       by the {@link SubmittedBody} locator; by default the string {@code payload.submittedBody}, else
 *       {@code payload.submitted}) by a key whose owner
 *       is the record's {@code partner} and that was valid at {@code recordedAt}.
 * </ul>
 *
 * A key revoked after {@code recordedAt} still verifies the record: revocation stops new signatures,
 * it does not rewrite history.
 */
public final class RecordVerifier {

    private final JwkSet keys;
    private final SubmittedBody submittedBody;

    public RecordVerifier(JwkSet keys) {
        this(keys, SubmittedBody.ANY_LAYOUT);
    }

    public RecordVerifier(JwkSet keys, SubmittedBody submittedBody) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.submittedBody = Objects.requireNonNull(submittedBody, "submittedBody");
    }

    public RecordVerification verify(SignedRecord record) {
        return verify(record, record.envelopeFields().canonicalBytes());
    }

    /**
     * As {@link #verify(SignedRecord)}, for callers that already hold JCS of the record's envelope
     * (the bundle verifier derives the leaf bytes from it too).
     */
    public RecordVerification verify(SignedRecord record, byte[] canonicalEnvelope) {
        List<RecordFailure> failures = new ArrayList<>(2);
        Instant at = Instant.parse(record.recordedAt());

        JwsVerification gateway = DetachedJws.verify(
                record.gatewaySignature(), canonicalEnvelope, keys.resolverFor(PublishedKey.GATEWAY, at));
        if (!gateway.isValid()) {
            failures.add(
                    new RecordFailure(record.recordId(), SignatureRole.GATEWAY, gateway.failure(), gateway.detail()));
        }

        if (record.submitterSignature() != null) {
            JsonNode body = submittedBody.submittedBody(record);
            if (body == null) {
                failures.add(new RecordFailure(
                        record.recordId(),
                        SignatureRole.SUBMITTER,
                        JwsFailure.MALFORMED,
                        "record carries a submitterSignature but no submitted body to check it against"));
            } else {
                verifySubmitter(record, body, at, failures);
            }
        }
        return new RecordVerification(record.recordId(), failures);
    }

    private void verifySubmitter(SignedRecord record, JsonNode body, Instant at, List<RecordFailure> failures) {
        byte[] canonicalBody;
        try {
            canonicalBody = Jcs.canonicalize(body);
        } catch (CanonicalizationException e) {
            failures.add(new RecordFailure(
                    record.recordId(),
                    SignatureRole.SUBMITTER,
                    JwsFailure.MALFORMED,
                    "submitted body cannot be canonicalised: " + e.getMessage()));
            return;
        }
        JwsVerification submitter =
                DetachedJws.verify(record.submitterSignature(), canonicalBody, keys.resolverFor(record.partner(), at));
        if (!submitter.isValid()) {
            failures.add(new RecordFailure(
                    record.recordId(), SignatureRole.SUBMITTER, submitter.failure(), submitter.detail()));
        }
    }
}
