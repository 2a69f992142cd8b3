package io.interdict.audit.jose;

import static io.interdict.audit.jose.JoseFixtures.GATEWAY;
import static io.interdict.audit.jose.JoseFixtures.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DetachedJwsTest {

    private static final byte[] PAYLOAD = "{\"kind\":\"COUNTERFEIT_PRODUCT\"}".getBytes(StandardCharsets.UTF_8);

    private static final KeyResolver GATEWAY_KEYS = kid ->
            "gw-1".equals(kid) ? KeyResolution.found(GATEWAY.verifier()) : KeyResolution.unknown("unknown kid " + kid);

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String signedWithHeader(String headerJson, byte[] payload, Ed25519KeyPair key) {
        String header = b64(headerJson);
        String input = header + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        byte[] signature = key.signer("any").sign(input.getBytes(StandardCharsets.US_ASCII));
        return header + ".." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    @Test
    void headerIsExactlyAlgAndKidInCanonicalForm() {
        String jws = DetachedJws.sign(PAYLOAD, GATEWAY.signer("gw-1"));
        String header = jws.substring(0, jws.indexOf('.'));
        assertThat(new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8))
                .isEqualTo("{\"alg\":\"EdDSA\",\"kid\":\"gw-1\"}");
        // PRODUCT.md section 8 shows this very header for kid gw-1.
        assertThat(header).isEqualTo("eyJhbGciOiJFZERTQSIsImtpZCI6Imd3LTEifQ");
        assertThat(jws).contains("..").doesNotContain("=");
    }

    @Test
    void signatureVerifiesOverThePayload() {
        String jws = DetachedJws.sign(PAYLOAD, GATEWAY.signer("gw-1"));
        JwsVerification result = DetachedJws.verify(jws, PAYLOAD, GATEWAY_KEYS);
        assertThat(result.isValid()).isTrue();
        assertThat(result.kid()).isEqualTo("gw-1");
    }

    /**
     * RFC 8037 appendix A.4: with the key of A.1, the JWS over "Example of Ed25519 signing" with
     * header {"alg":"EdDSA"} has exactly this signature; A.5 verifies it.
     */
    @Test
    void rfc8037AppendixA4SignatureIsReproducedAndVerifies() {
        Ed25519KeyPair rfcKey = Ed25519KeyPair.fromSeed(Base64.getUrlDecoder().decode(JoseFixtures.RFC8037_D));
        assertThat(rfcKey.publicKeyX()).isEqualTo(JoseFixtures.RFC8037_X);
        String signingInput = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
        assertThat(b64("{\"alg\":\"EdDSA\"}") + "." + b64("Example of Ed25519 signing"))
                .isEqualTo(signingInput);
        byte[] signature = rfcKey.signer("rfc8037").sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(signature))
                .isEqualTo("hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
        Jwk published = Jwk.parse(Jwk.of("rfc8037", Base64.getUrlDecoder().decode(JoseFixtures.RFC8037_X))
                .toJson());
        assertThat(published.verifier().verify(signingInput.getBytes(StandardCharsets.US_ASCII), signature))
                .isTrue();
    }

    /** RFC 8037 A.4's key and payload in our detached profile (which adds the kid it requires). */
    @Test
    void rfc8037PayloadSignedInOurDetachedFormVerifies() {
        Ed25519KeyPair rfcKey = Ed25519KeyPair.fromSeed(Base64.getUrlDecoder().decode(JoseFixtures.RFC8037_D));
        byte[] payload = "Example of Ed25519 signing".getBytes(StandardCharsets.UTF_8);
        String jws = DetachedJws.sign(payload, rfcKey.signer("rfc8037-a1"));
        KeyResolver keys = kid -> KeyResolution.found(rfcKey.verifier());
        assertThat(DetachedJws.verify(jws, payload, keys).isValid()).isTrue();
    }

    /** The RFC's own A.4 JWS with its payload detached is refused, only because it names no kid. */
    @Test
    void rfc8037AppendixA4WithoutKidIsRefusedAsMalformed() {
        String detached =
                "eyJhbGciOiJFZERTQSJ9..hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
        JwsVerification result = DetachedJws.verify(
                detached, "Example of Ed25519 signing".getBytes(StandardCharsets.UTF_8), GATEWAY_KEYS);
        assertThat(result.failure()).isEqualTo(JwsFailure.MALFORMED);
        assertThat(result.detail()).contains("\"kid\"");
    }

    /**
     * Cross-implementation: nimbus-jose-jwt parses our detached JWS; the JDK's Ed25519 verifies it.
     * Nimbus's own Ed25519Verifier needs Google Tink, which is not on this module's classpath.
     */
    @Test
    void ourDetachedJwsParsesWithNimbusAndVerifiesWithTheJdk() throws Exception {
        String jws = DetachedJws.sign(PAYLOAD, GATEWAY.signer("gw-1"));
        JWSObject parsed = JWSObject.parse(jws, new Payload(PAYLOAD));
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(parsed.getHeader().getKeyID()).isEqualTo("gw-1");
        assertThat(JoseFixtures.jdkVerify(
                        GATEWAY.publicKey(),
                        parsed.getSigningInput(),
                        parsed.getSignature().decode()))
                .isTrue();
    }

    /** Cross-implementation: a detached JWS whose signature the JDK made verifies with ours. */
    @Test
    void jdkSignedDetachedJwsVerifiesWithOurs() throws Exception {
        String header = b64("{\"kid\":\"gw-1\",\"alg\":\"EdDSA\"}");
        String input = header + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(PAYLOAD);
        byte[] signature = JoseFixtures.jdkSign(GATEWAY.seed(), input.getBytes(StandardCharsets.US_ASCII));
        String jws = header + ".." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        assertThat(DetachedJws.verify(jws, PAYLOAD, GATEWAY_KEYS).isValid()).isTrue();
    }

    // Negative fixtures, each named for its defect.

    @Test
    void tamperedPayload() {
        String jws = DetachedJws.sign(PAYLOAD, GATEWAY.signer("gw-1"));
        byte[] tampered = PAYLOAD.clone();
        tampered[3] ^= 0x01;
        assertThat(DetachedJws.verify(jws, tampered, GATEWAY_KEYS).failure()).isEqualTo(JwsFailure.BAD_SIGNATURE);
    }

    @Test
    void wrongKey() {
        String jws = DetachedJws.sign(PAYLOAD, OTHER.signer("gw-1"));
        JwsVerification result = DetachedJws.verify(jws, PAYLOAD, GATEWAY_KEYS);
        assertThat(result.failure()).isEqualTo(JwsFailure.BAD_SIGNATURE);
        assertThat(result.detail()).isEqualTo("Ed25519 signature by gw-1 does not match the payload");
    }

    @Test
    void unknownKid() {
        String jws = DetachedJws.sign(PAYLOAD, GATEWAY.signer("gw-9"));
        JwsVerification result = DetachedJws.verify(jws, PAYLOAD, GATEWAY_KEYS);
        assertThat(result.failure()).isEqualTo(JwsFailure.UNKNOWN_KEY);
        assertThat(result.detail()).isEqualTo("unknown kid gw-9");
    }

    @Test
    void revokedKey() {
        String jws = DetachedJws.sign(PAYLOAD, GATEWAY.signer("gw-1"));
        JwsVerification result = DetachedJws.verify(
                jws, PAYLOAD, kid -> KeyResolution.notValidAtTime("revoked at 2026-01-01T00:00:00Z"));
        assertThat(result.failure()).isEqualTo(JwsFailure.KEY_NOT_VALID_AT_TIME);
        assertThat(result.detail()).contains("revoked");
    }

    @Test
    void algNone() {
        String header = b64("{\"alg\":\"none\",\"kid\":\"gw-1\"}");
        JwsVerification result = DetachedJws.verify(header + "..", PAYLOAD, GATEWAY_KEYS);
        assertThat(result.failure()).isIn(JwsFailure.UNSUPPORTED_ALGORITHM);
        assertThat(result.detail()).contains("found \"none\"");
    }

    @Test
    void algHS256() {
        String jws = signedWithHeader("{\"alg\":\"HS256\",\"kid\":\"gw-1\"}", PAYLOAD, GATEWAY);
        assertThat(DetachedJws.verify(jws, PAYLOAD, GATEWAY_KEYS).failure())
                .isEqualTo(JwsFailure.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void algEd25519InsteadOfEdDsa() {
        String jws = signedWithHeader("{\"alg\":\"Ed25519\",\"kid\":\"gw-1\"}", PAYLOAD, GATEWAY);
        assertThat(DetachedJws.verify(jws, PAYLOAD, GATEWAY_KEYS).failure())
                .isEqualTo(JwsFailure.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void missingAlg() {
        String jws = signedWithHeader("{\"kid\":\"gw-1\"}", PAYLOAD, GATEWAY);
        assertThat(DetachedJws.verify(jws, PAYLOAD, GATEWAY_KEYS).failure()).isEqualTo(JwsFailure.MALFORMED);
    }

    @Test
    void extraCritHeader() {
        String jws =
                signedWithHeader("{\"alg\":\"EdDSA\",\"kid\":\"gw-1\",\"crit\":[\"exp\"],\"exp\":1}", PAYLOAD, GATEWAY);
        JwsVerification result = DetachedJws.verify(jws, PAYLOAD, GATEWAY_KEYS);
        assertThat(result.failure()).isEqualTo(JwsFailure.MALFORMED);
        assertThat(result.detail()).contains("\"crit\"");
    }

    @Test
    void unencodedPayloadB64Header() {
        String jws = signedWithHeader("{\"alg\":\"EdDSA\",\"kid\":\"gw-1\",\"b64\":false}", PAYLOAD, GATEWAY);
        JwsVerification result = DetachedJws.verify(jws, PAYLOAD, GATEWAY_KEYS);
        assertThat(result.failure()).isEqualTo(JwsFailure.MALFORMED);
        assertThat(result.detail()).contains("RFC 7797");
    }

    @Test
    void duplicateAlgMember() {
        String jws = signedWithHeader("{\"alg\":\"EdDSA\",\"alg\":\"none\",\"kid\":\"gw-1\"}", PAYLOAD, GATEWAY);
        JwsVerification result = DetachedJws.verify(jws, PAYLOAD, GATEWAY_KEYS);
        assertThat(result.failure()).isEqualTo(JwsFailure.MALFORMED);
        assertThat(result.detail()).contains("Duplicate field 'alg'");
    }

    @Test
    void emptyKid() {
        String jws = signedWithHeader("{\"alg\":\"EdDSA\",\"kid\":\"\"}", PAYLOAD, GATEWAY);
        assertThat(DetachedJws.verify(jws, PAYLOAD, GATEWAY_KEYS).detail()).contains("non-empty string");
    }

    @Test
    void headerThatIsNotAnObject() {
        String jws = b64("[\"EdDSA\"]") + ".." + "A".repeat(86);
        assertThat(DetachedJws.verify(jws, PAYLOAD, GATEWAY_KEYS).failure()).isEqualTo(JwsFailure.MALFORMED);
    }

    @Test
    void paddedBase64() {
        String jws = DetachedJws.sign(PAYLOAD, GATEWAY.signer("gw-1"));
        JwsVerification result = DetachedJws.verify(jws + "==", PAYLOAD, GATEWAY_KEYS);
        assertThat(result.failure()).isEqualTo(JwsFailure.MALFORMED);
        assertThat(result.detail()).contains("padding");
    }

    @Test
    void standardBase64AlphabetInSignature() {
        String jws = DetachedJws.sign(PAYLOAD, GATEWAY.signer("gw-1"));
        String withPlus = jws.substring(0, jws.length() - 2) + "+A";
        assertThat(DetachedJws.verify(withPlus, PAYLOAD, GATEWAY_KEYS).failure())
                .isEqualTo(JwsFailure.MALFORMED);
    }

    @Test
    void nonCanonicalBase64TrailingBits() {
        String jws = DetachedJws.sign(PAYLOAD, GATEWAY.signer("gw-1"));
        // 64 bytes encode to 86 characters; the last carries 4 unused bits that must be zero.
        char last = jws.charAt(jws.length() - 1);
        String altered = jws.substring(0, jws.length() - 1) + (char) (last == 'A' ? 'B' : last + 1);
        JwsVerification result = DetachedJws.verify(altered, PAYLOAD, GATEWAY_KEYS);
        assertThat(result.failure()).isEqualTo(JwsFailure.MALFORMED);
    }

    @Test
    void nonDetachedPayloadRejectedWhereDetachedExpected() {
        String jws = DetachedJws.sign(PAYLOAD, GATEWAY.signer("gw-1"));
        String attached =
                jws.replace("..", "." + Base64.getUrlEncoder().withoutPadding().encodeToString(PAYLOAD) + ".");
        JwsVerification result = DetachedJws.verify(attached, PAYLOAD, GATEWAY_KEYS);
        assertThat(result.failure()).isEqualTo(JwsFailure.MALFORMED);
        assertThat(result.detail()).contains("detached");
    }

    @Test
    void truncatedSignature() {
        String jws = DetachedJws.sign(PAYLOAD, GATEWAY.signer("gw-1"));
        byte[] signature = Base64.getUrlDecoder().decode(jws.substring(jws.indexOf("..") + 2));
        String truncated = jws.substring(0, jws.indexOf("..") + 2)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(signature, 63));
        JwsVerification result = DetachedJws.verify(truncated, PAYLOAD, GATEWAY_KEYS);
        assertThat(result.failure()).isEqualTo(JwsFailure.MALFORMED);
        assertThat(result.detail()).contains("64-byte");
    }

    @Test
    void twoPartsOnly() {
        String jws = DetachedJws.sign(PAYLOAD, GATEWAY.signer("gw-1"));
        assertThat(DetachedJws.verify(jws.replace("..", "."), PAYLOAD, GATEWAY_KEYS)
                        .failure())
                .isEqualTo(JwsFailure.MALFORMED);
    }

    @Test
    void fourParts() {
        String jws = DetachedJws.sign(PAYLOAD, GATEWAY.signer("gw-1"));
        assertThat(DetachedJws.verify(jws + ".x", PAYLOAD, GATEWAY_KEYS).failure())
                .isEqualTo(JwsFailure.MALFORMED);
    }

    @Test
    void nullJws() {
        assertThat(DetachedJws.verify(null, PAYLOAD, GATEWAY_KEYS).failure()).isEqualTo(JwsFailure.MALFORMED);
    }

    @Test
    void peekKeyIdReadsTheKidWithoutVerifying() {
        assertThat(DetachedJws.peekKeyId(DetachedJws.sign(PAYLOAD, GATEWAY.signer("gw-1"))))
                .isEqualTo("gw-1");
        assertThat(DetachedJws.peekKeyId("not a jws")).isNull();
    }
}
