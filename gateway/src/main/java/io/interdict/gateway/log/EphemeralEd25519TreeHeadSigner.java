package io.interdict.gateway.log;

import io.interdict.audit.merkle.MerkleHashes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Stand-in tree head signer until the gateway's key management exists: an Ed25519 key generated in
 * memory at start (so heads signed before a restart cannot be verified after it, and the key is
 * published nowhere). Produces the same detached JWS as the real signer will (RFC 7515 appendix F,
 * RFC 8037, header {@code {"alg":"EdDSA","kid":…}}). A {@link TreeHeadSigner} bean replaces it.
 */
final class EphemeralEd25519TreeHeadSigner implements TreeHeadSigner {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Ed25519PrivateKeyParameters privateKey;
    private final String kid;
    private final String encodedHeader;

    EphemeralEd25519TreeHeadSigner(SecureRandom random) {
        this.privateKey = new Ed25519PrivateKeyParameters(random);
        // A kid that names the key (a digest of it) and says what it is.
        this.kid = "ephemeral-log-"
                + BASE64URL.encodeToString(MerkleHashes.hashLeaf(publicKey())).substring(0, 16);
        this.encodedHeader = BASE64URL.encodeToString(
                ("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String signDetached(byte[] payload) {
        byte[] signingInput =
                (encodedHeader + "." + BASE64URL.encodeToString(payload)).getBytes(StandardCharsets.US_ASCII);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(signingInput, 0, signingInput.length);
        return encodedHeader + ".." + BASE64URL.encodeToString(signer.generateSignature());
    }

    String kid() {
        return kid;
    }

    /** The raw 32-byte public key (RFC 8032), for verifying the heads this instance signed. */
    byte[] publicKey() {
        Ed25519PublicKeyParameters publicKey = privateKey.generatePublicKey();
        return publicKey.getEncoded();
    }
}
