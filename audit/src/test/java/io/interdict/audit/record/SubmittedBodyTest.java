package io.interdict.audit.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.jose.DetachedJws;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The gateway keeps the pushed body as a JCS string in payload.submittedBody; older layouts as payload.submitted. */
class SubmittedBodyTest {

    private static final String BODY = Jcs.canonicalString(Jcs.parse(RecordFixtures.PUSHED_SHARE));

    private static SignedRecord gatewayLayout(String storedBody, String signedBody) {
        String signature = DetachedJws.sign(
                signedBody.getBytes(StandardCharsets.UTF_8), RecordFixtures.AMAZON_KEY.signer("amazon-2026-1"));
        ObjectNode payload = Jcs.mapper().createObjectNode();
        payload.put("shareId", "s-1");
        payload.put("submitterSignature", signature);
        payload.put("submittedBody", storedBody);
        Envelope envelope = Envelope.of(
                "r-1",
                "IntelligenceShared",
                "s-1",
                0,
                "amazon",
                Instant.parse("2026-11-30T09:12:44.120Z"),
                payload,
                signature);
        return Notary.notarise(envelope, RecordFixtures.GATEWAY_KEY.signer("gw-1"));
    }

    @Test
    void aBodyKeptAsAJcsStringIsParsedAndItsSubmitterSignatureVerifies() {
        SignedRecord record = gatewayLayout(BODY, BODY);

        JsonNode located = SubmittedBody.ANY_LAYOUT.submittedBody(record);

        assertThat(located).isEqualTo(Jcs.parse(BODY));
        assertThat(new RecordVerifier(RecordFixtures.keys()).verify(record).isValid())
                .isTrue();
    }

    @Test
    void aBodyStringOtherThanTheSignedOneFailsTheSubmitterSignature() {
        SignedRecord record = gatewayLayout(BODY.replace("85", "86"), BODY);

        RecordVerification verification = new RecordVerifier(RecordFixtures.keys()).verify(record);

        assertThat(verification.failures())
                .singleElement()
                .satisfies(failure -> assertThat(failure.role()).isEqualTo(SignatureRole.SUBMITTER));
    }

    @Test
    void aBodyStringThatIsNotJsonIsReportedNotThrown() {
        SignedRecord record = gatewayLayout("{not json", BODY);

        RecordVerification verification = new RecordVerifier(RecordFixtures.keys()).verify(record);

        assertThat(verification.failures())
                .singleElement()
                .satisfies(failure -> assertThat(failure.detail()).contains("no submitted body"));
    }

    @Test
    void withoutASubmittedBodyStringTheObjectLayoutIsUsed() {
        SignedRecord record = RecordFixtures.notarisedShare("r-2");

        assertThat(SubmittedBody.ANY_LAYOUT.submittedBody(record))
                .isEqualTo(record.payload().get("submitted"));
        assertThat(new RecordVerifier(RecordFixtures.keys()).verify(record).isValid())
                .isTrue();
    }
}
