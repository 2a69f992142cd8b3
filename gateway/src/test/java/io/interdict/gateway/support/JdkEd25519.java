package io.interdict.gateway.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 detached JWS (RFC 7515 appendix F, RFC 8037) with the JDK's own provider: an
 * implementation independent of the gateway's BouncyCastle code, used by tests as a partner would.
 */
public final class JdkEd25519 {

    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410 §4), before the 32 key bytes. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    private final KeyPair keyPair;
    private final String kid;

    private JdkEd25519(KeyPair keyPair, String kid) {
        this.keyPair = keyPair;
        this.kid = kid;
    }

    public static JdkEd25519 generate(String kid) {
        try {
            return new JdkEd25519(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), kid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String kid() {
        return kid;
    }

    /** The public key as the {@code x} member of an OKP JWK (RFC 8037 §2). */
    public String x() {
        byte[] encoded = keyPair.getPublic().getEncoded();
        return B64URL.encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    public String publicJwk() {
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"" + kid + "\",\"x\":\"" + x() + "\"}";
    }

    /** Compact JWS with detached payload: BASE64URL(header) + ".." + BASE64URL(signature). */
    public String signDetached(String payload) {
        String header =
                B64URL.encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
        String input = header + "." + B64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keyPair.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return header + ".." + B64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code kid} in a compact JWS's protected header. */
    public static String kidOf(String jws) {
        String header = new String(B64URL_DECODER.decode(jws.substring(0, jws.indexOf('.'))), StandardCharsets.UTF_8);
        try {
            return ApiClient.JSON.readTree(header).get("kid").asText();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(header, e);
        }
    }

    /** Verifies a detached compact JWS over {@code payload} with the JDK, given the key's {@code x}. */
    public static boolean verifyDetached(String jws, byte[] payload, String x) {
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            return false;
        }
        try {
            byte[] raw = B64URL_DECODER.decode(x);
            byte[] spki = new byte[SPKI_PREFIX.length + raw.length];
            System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
            System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update((parts[0] + "." + B64URL.encodeToString(payload)).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(B64URL_DECODER.decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
