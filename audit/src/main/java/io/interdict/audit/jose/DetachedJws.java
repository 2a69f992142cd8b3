package io.interdict.audit.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.CanonicalizationException;
import io.interdict.audit.canonical.Jcs;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * JWS compact serialisation with detached content (RFC 7515 section 7.1 and appendix F), signed
 * with Ed25519 as RFC 8037 section 3.1 specifies.
 *
 * <p>The protected header is exactly {@code {"alg":"EdDSA","kid":"<kid>"}} in its JCS form; the
 * signing input is {@code ASCII(BASE64URL(header) || '.' || BASE64URL(payload))} (RFC 7515 section
 * 5.1 step 5); the transmitted form is {@code BASE64URL(header) || '..' || BASE64URL(signature)}.
 *
 * <p>Verification accepts only that profile: exactly three parts with an empty middle, a header
 * that is a JSON object without duplicate members, {@code alg} exactly {@code EdDSA}, a non-empty
 * string {@code kid}, no {@code crit} (RFC 7515 section 4.1.11: we understand no extension, so any
 * listed one must be refused) and no {@code b64} (RFC 7797 unencoded payloads are not supported),
 * canonical unpadded base64url, and a 64-byte signature.
 */
public final class DetachedJws {

    static final String ALGORITHM = "EdDSA";

    private DetachedJws() {}

    /**
     * Encoded protected headers by kid: the header is constant per key and a process signs with a
     * handful of keys, so it is canonicalised once rather than per record.
     */
    private static final ConcurrentMap<String, String> ENCODED_HEADERS = new ConcurrentHashMap<>();

    /** A detached compact JWS over {@code payload}. */
    public static String sign(byte[] payload, Signer signer) {
        String header = ENCODED_HEADERS.computeIfAbsent(signer.keyId(), kid -> Base64Url.encode(protectedHeader(kid)));
        byte[] signature = signer.sign(signingInput(header, payload));
        return header + ".." + Base64Url.encode(signature);
    }

    /** The canonical protected header for {@code kid}. */
    static byte[] protectedHeader(String kid) {
        ObjectNode header = Jcs.mapper().createObjectNode();
        header.put("alg", ALGORITHM);
        header.put("kid", kid);
        return Jcs.canonicalize(header);
    }

    /** RFC 7515 section 5.1 step 5, built in one buffer: the payload is the bulk of a record. */
    private static byte[] signingInput(String encodedHeader, byte[] payload) {
        byte[] header = encodedHeader.getBytes(StandardCharsets.US_ASCII);
        byte[] encodedPayload = Base64Url.encodeToBytes(payload);
        byte[] input = new byte[header.length + 1 + encodedPayload.length];
        System.arraycopy(header, 0, input, 0, header.length);
        input[header.length] = '.';
        System.arraycopy(encodedPayload, 0, input, header.length + 1, encodedPayload.length);
        return input;
    }

    /**
     * Verifies {@code jws} over {@code payload}, finding the key through {@code keys}. Never throws
     * for bad input: every defect is a {@link JwsVerification} naming it.
     */
    public static JwsVerification verify(String jws, byte[] payload, KeyResolver keys) {
        if (jws == null) {
            return JwsVerification.failed(JwsFailure.MALFORMED, null, "expected a compact JWS, found null");
        }
        int first = jws.indexOf('.');
        int second = first < 0 ? -1 : jws.indexOf('.', first + 1);
        if (first < 0 || second < 0 || jws.indexOf('.', second + 1) >= 0) {
            return JwsVerification.failed(
                    JwsFailure.MALFORMED,
                    null,
                    "expected three dot-separated parts (RFC 7515 section 7.1), found "
                            + (jws.split("\\.", -1).length));
        }
        if (second != first + 1) {
            return JwsVerification.failed(
                    JwsFailure.MALFORMED,
                    null,
                    "expected a detached payload (empty middle part, RFC 7515 appendix F), found an attached payload");
        }
        String encodedHeader = jws.substring(0, first);
        String encodedSignature = jws.substring(second + 1);

        JsonNode header;
        try {
            header = Jcs.parse(Base64Url.decode(encodedHeader, "JWS protected header"));
        } catch (IllegalArgumentException | CanonicalizationException e) {
            return JwsVerification.failed(JwsFailure.MALFORMED, null, e.getMessage());
        }
        if (!header.isObject()) {
            return JwsVerification.failed(
                    JwsFailure.MALFORMED,
                    null,
                    "expected the protected header to be a JSON object, found " + header.getNodeType());
        }
        JsonNode kidNode = header.get("kid");
        String kid = kidNode != null && kidNode.isTextual() ? kidNode.textValue() : null;

        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual()) {
            return JwsVerification.failed(
                    JwsFailure.MALFORMED,
                    kid,
                    "expected header member \"alg\" as a string, found " + (alg == null ? "none" : alg.getNodeType()));
        }
        if (!ALGORITHM.equals(alg.textValue())) {
            return JwsVerification.failed(
                    JwsFailure.UNSUPPORTED_ALGORITHM,
                    kid,
                    "expected \"alg\":\"EdDSA\" (RFC 8037 section 3.1), found \"" + alg.textValue() + "\"");
        }
        if (header.has("crit")) {
            return JwsVerification.failed(
                    JwsFailure.MALFORMED,
                    kid,
                    "expected no \"crit\" header (no extension is understood, RFC 7515 section 4.1.11), found "
                            + header.get("crit"));
        }
        if (header.has("b64")) {
            return JwsVerification.failed(
                    JwsFailure.MALFORMED,
                    kid,
                    "expected no \"b64\" header (RFC 7797 unencoded payloads are not supported), found "
                            + header.get("b64"));
        }
        if (kid == null || kid.isEmpty()) {
            return JwsVerification.failed(
                    JwsFailure.MALFORMED,
                    null,
                    "expected header member \"kid\" as a non-empty string, found " + describe(kidNode));
        }

        byte[] signature;
        try {
            signature = Base64Url.decode(encodedSignature, "JWS signature");
        } catch (IllegalArgumentException e) {
            return JwsVerification.failed(JwsFailure.MALFORMED, kid, e.getMessage());
        }
        if (signature.length != Ed25519Verifier.SIGNATURE_LENGTH) {
            return JwsVerification.failed(
                    JwsFailure.MALFORMED,
                    kid,
                    "expected a " + Ed25519Verifier.SIGNATURE_LENGTH
                            + "-byte Ed25519 signature (RFC 8032 section 5.1.6), found " + signature.length + " bytes");
        }

        KeyResolution resolution = keys.resolve(kid);
        if (resolution instanceof KeyResolution.Unknown unknown) {
            return JwsVerification.failed(JwsFailure.UNKNOWN_KEY, kid, unknown.reason());
        }
        if (resolution instanceof KeyResolution.NotValidAtTime notValid) {
            return JwsVerification.failed(JwsFailure.KEY_NOT_VALID_AT_TIME, kid, notValid.reason());
        }
        if (!(resolution instanceof KeyResolution.Found found)) {
            return JwsVerification.failed(
                    JwsFailure.UNKNOWN_KEY, kid, "key resolver returned no resolution for " + kid);
        }
        if (!found.verifier().verify(signingInput(encodedHeader, payload), signature)) {
            return JwsVerification.failed(
                    JwsFailure.BAD_SIGNATURE, kid, "Ed25519 signature by " + kid + " does not match the payload");
        }
        return JwsVerification.valid(kid);
    }

    /** The {@code kid} of a JWS header, or null when the header cannot be read; for log messages only. */
    public static String peekKeyId(String jws) {
        if (jws == null || jws.indexOf('.') < 0) {
            return null;
        }
        try {
            JsonNode header = Jcs.parse(Base64Url.decode(jws.substring(0, jws.indexOf('.')), "JWS protected header"));
            JsonNode kid = header.get("kid");
            return kid != null && kid.isTextual() ? kid.textValue() : null;
        } catch (IllegalArgumentException | CanonicalizationException e) {
            return null;
        }
    }

    private static String describe(JsonNode node) {
        if (node == null) {
            return "none";
        }
        return node.isTextual() ? "an empty string" : node.getNodeType().toString();
    }
}
