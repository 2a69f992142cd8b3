package io.interdict.audit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.record.Envelope;
import io.interdict.audit.record.Notary;
import io.interdict.audit.record.SignedRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeafBytesTest {

    @Test
    void theLeafDerivedFromTheEnvelopeIsTheCanonicalLeaf() {
        BundleFixtures log = BundleFixtures.log(6, "leaf");
        for (int i = 0; i < 6; i++) {
            SignedRecord record = log.record(i);
            assertThat(LeafBytes.fromEnvelope(record.envelopeFields().canonicalBytes(), record.gatewaySignature()))
                    .isEqualTo(record.leafBytes());
        }
    }

    @Test
    void aPartnerMemberInsideAStringOrANestedObjectDoesNotMisplaceTheSignature() {
        ObjectNode payload = Jcs.mapper().createObjectNode();
        payload.put("note", ",\"partner\":\"x\"");
        payload.putObject("nested").put("partner", "y");
        Envelope envelope = Envelope.of(
                "a,\"partner\":",
                "T",
                "agg,\"partner\":\"",
                3,
                "amazon",
                Instant.parse("2026-11-30T09:00:00Z"),
                payload,
                null);
        SignedRecord record = Notary.notarise(envelope, BundleFixtures.GATEWAY);

        assertThat(LeafBytes.fromEnvelope(envelope.canonicalBytes(), record.gatewaySignature()))
                .isEqualTo(record.leafBytes());
    }

    @Test
    void aSignatureThatIsNotACompactJwsIsLeftToTheCanonicaliser() {
        assertThat(LeafBytes.fromEnvelope("{\"partner\":1}".getBytes(), "a\"b")).isNull();
    }
}
