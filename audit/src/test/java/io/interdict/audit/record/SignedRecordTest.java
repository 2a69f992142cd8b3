package io.interdict.audit.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.jose.DetachedJws;
import io.interdict.audit.jose.JwsFailure;
import io.interdict.audit.jose.KeyResolution;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedRecordTest {

    @Test
    void envelopeHasExactlyTheEnvelopeFields() {
        SignedRecord record = RecordFixtures.notarisedShare("0b6f");
        assertThat(fieldNames(record.envelope()))
                .containsExactly(
                        "recordId",
                        "recordType",
                        "aggregateId",
                        "aggregateSequence",
                        "partner",
                        "recordedAt",
                        "payload",
                        "submitterSignature");
    }

    @Test
    void absentSubmitterSignatureIsLeftOutNotWrittenAsNull() {
        SignedRecord record =
                Notary.notarise(RecordFixtures.shareEnvelope("r1", false), RecordFixtures.GATEWAY_KEY.signer("gw-1"));
        assertThat(record.envelope().has("submitterSignature")).isFalse();
        assertThat(record.toJson().has("submitterSignature")).isFalse();
        assertThat(record.toJson().has("leafIndex")).isFalse();
        assertThat(record.toJson().toString()).doesNotContain("null");
    }

    @Test
    void leafIsTheEnvelopePlusGatewaySignatureWithoutLeafIndex() {
        SignedRecord record = RecordFixtures.notarisedShare("0b6f");
        assertThat(fieldNames(record.leaf()))
                .contains("gatewaySignature")
                .doesNotContain("leafIndex")
                .hasSize(9);
        assertThat(record.leafBytes()).isEqualTo(Jcs.canonicalize(record.leaf()));
        assertThat(record.toJson().get("leafIndex").longValue()).isEqualTo(41);
    }

    @Test
    void recordedAtAlwaysHasThreeFractionDigits() {
        JsonNode payload = Jcs.mapper().createObjectNode();
        assertThat(Envelope.of("r", "T", "a", 0, "p", Instant.parse("2026-11-30T09:12:44Z"), payload, null)
                        .recordedAt())
                .isEqualTo("2026-11-30T09:12:44.000Z");
        assertThat(Envelope.of("r", "T", "a", 0, "p", Instant.parse("2026-11-30T09:12:44.1Z"), payload, null)
                        .recordedAt())
                .isEqualTo("2026-11-30T09:12:44.100Z");
        assertThat(Envelope.of("r", "T", "a", 0, "p", Instant.parse("2026-11-30T09:12:44.123456789Z"), payload, null)
                        .recordedAt())
                .isEqualTo("2026-11-30T09:12:44.123Z");
    }

    @Test
    void recordedAtWithoutMillisecondsIsRefused() {
        assertThatThrownBy(() -> new Envelope(
                        "r",
                        "T",
                        "a",
                        0,
                        "p",
                        "2026-11-30T09:12:44Z",
                        Jcs.mapper().createObjectNode(),
                        null))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("three fraction digits");
    }

    @Test
    void gatewaySignatureIsADetachedJwsOverTheCanonicalEnvelope() {
        SignedRecord record = RecordFixtures.notarisedShare("0b6f");
        assertThat(record.gatewaySignature()).startsWith("eyJhbGciOiJFZERTQSIsImtpZCI6Imd3LTEifQ..");
        assertThat(DetachedJws.verify(
                                record.gatewaySignature(),
                                Jcs.canonicalize(record.envelope()),
                                kid -> KeyResolution.found(RecordFixtures.GATEWAY_KEY.verifier()))
                        .isValid())
                .isTrue();
    }

    @Test
    void wireFormRoundTrips() {
        SignedRecord record = RecordFixtures.notarisedShare("0b6f");
        SignedRecord parsed = SignedRecord.fromJson(Jcs.parse(record.toJson().toString()));
        assertThat(parsed).isEqualTo(record);
        assertThat(parsed.leafBytes()).isEqualTo(record.leafBytes());
    }

    @Test
    void unknownMembersAreRefused() {
        ObjectNode json = RecordFixtures.notarisedShare("0b6f").toJson();
        json.put("extra", 1);
        assertThatThrownBy(() -> SignedRecord.fromJson(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("unexpected member \"extra\"");
    }

    @Test
    void nullSubmitterSignatureIsRefused() {
        ObjectNode json = RecordFixtures.notarisedShare("0b6f").toJson();
        json.putNull("submitterSignature");
        assertThatThrownBy(() -> SignedRecord.fromJson(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("expected \"submitterSignature\" as a string, found NULL");
    }

    @Test
    void aggregateSequenceAsStringIsRefused() {
        ObjectNode json = RecordFixtures.notarisedShare("0b6f").toJson();
        json.put("aggregateSequence", "0");
        assertThatThrownBy(() -> SignedRecord.fromJson(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("\"aggregateSequence\" as an integer");
    }

    @Test
    void notarisedRecordWithSubmitterSignatureVerifies() {
        RecordVerification result =
                new RecordVerifier(RecordFixtures.keys()).verify(RecordFixtures.notarisedShare("0b6f"));
        assertThat(result.failures()).isEmpty();
        assertThat(result.isValid()).isTrue();
    }

    @Test
    void tamperedPayloadFailsTheGatewaySignature() {
        SignedRecord record = RecordFixtures.notarisedShare("0b6f");
        ObjectNode json = record.toJson();
        ((ObjectNode) json.get("payload")).put("version", 2);
        RecordVerification result = new RecordVerifier(RecordFixtures.keys()).verify(SignedRecord.fromJson(json));
        assertThat(result.failures())
                .extracting(RecordFailure::recordId, RecordFailure::role, RecordFailure::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("0b6f", SignatureRole.GATEWAY, JwsFailure.BAD_SIGNATURE));
    }

    @Test
    void tamperedSubmittedBodyFailsBothSignatures() {
        ObjectNode json = RecordFixtures.notarisedShare("0b6f").toJson();
        ((ObjectNode) json.get("payload").get("submitted")).put("confidence", 99);
        RecordVerification result = new RecordVerifier(RecordFixtures.keys()).verify(SignedRecord.fromJson(json));
        assertThat(result.failures())
                .extracting(RecordFailure::role)
                .containsExactly(SignatureRole.GATEWAY, SignatureRole.SUBMITTER);
    }

    @Test
    void submitterSignatureByAnotherPartnersKeyIsAnUnknownKey() {
        SignedRecord record = RecordFixtures.notarisedShare("0b6f");
        ObjectNode json = record.toJson();
        json.put("partner", "dhl");
        // Re-notarise so only the submitter's ownership is wrong.
        SignedRecord moved = SignedRecord.fromJson(json);
        SignedRecord renotarised = Notary.notarise(moved.envelopeFields(), RecordFixtures.GATEWAY_KEY.signer("gw-1"));
        RecordVerification result = new RecordVerifier(RecordFixtures.keys()).verify(renotarised);
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.role()).isEqualTo(SignatureRole.SUBMITTER);
            assertThat(failure.reason()).isEqualTo(JwsFailure.UNKNOWN_KEY);
            assertThat(failure.detail()).contains("belongs to \"amazon\"");
        });
    }

    @Test
    void gatewaySignatureByAPartnerKeyIsAnUnknownKey() {
        SignedRecord record = Notary.notarise(
                RecordFixtures.shareEnvelope("r", false), RecordFixtures.AMAZON_KEY.signer("amazon-2026-1"));
        assertThat(new RecordVerifier(RecordFixtures.keys()).verify(record).failures())
                .extracting(RecordFailure::reason)
                .containsExactly(JwsFailure.UNKNOWN_KEY);
    }

    @Test
    void keyRevokedAfterTheRecordStillVerifiesItButNotLaterOnes() {
        var keys = io.interdict.audit.jose.JwkSet.of(List.of(
                new io.interdict.audit.jose.PublishedKey(
                        RecordFixtures.GATEWAY_KEY.publicJwk("gw-1"),
                        "gateway",
                        RecordFixtures.KEYS_VALID_FROM,
                        Instant.parse("2026-11-30T09:12:44.121Z")),
                RecordFixtures.keys().find("amazon-2026-1").orElseThrow()));
        assertThat(new RecordVerifier(keys)
                        .verify(RecordFixtures.notarisedShare("r"))
                        .isValid())
                .isTrue();
        var revokedBefore = io.interdict.audit.jose.JwkSet.of(List.of(
                new io.interdict.audit.jose.PublishedKey(
                        RecordFixtures.GATEWAY_KEY.publicJwk("gw-1"),
                        "gateway",
                        RecordFixtures.KEYS_VALID_FROM,
                        Instant.parse("2026-11-30T09:12:44.120Z")),
                RecordFixtures.keys().find("amazon-2026-1").orElseThrow()));
        assertThat(new RecordVerifier(revokedBefore)
                        .verify(RecordFixtures.notarisedShare("r"))
                        .failures())
                .extracting(RecordFailure::reason)
                .containsExactly(JwsFailure.KEY_NOT_VALID_AT_TIME);
    }

    @Test
    void submitterSignatureWithoutASubmittedBodyIsReported() {
        RecordVerifier verifier = new RecordVerifier(RecordFixtures.keys(), record -> null);
        assertThat(verifier.verify(RecordFixtures.notarisedShare("r")).failures())
                .singleElement()
                .satisfies(failure -> assertThat(failure.detail()).contains("no submitted body"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
