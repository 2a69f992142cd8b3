package io.interdict.audit.jose;

import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Pure Ed25519 (RFC 8032 section 5.1.7) verification with BouncyCastle's lightweight API. The key
 * parameters object is kept so that BouncyCastle decodes the public point once, not per signature.
 */
public final class Ed25519Verifier implements SignatureVerifier {

    /** RFC 8032 section 5.1.5: public keys are 32 bytes. */
    public static final int PUBLIC_KEY_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;

    /** RFC 8032 section 5.1.6: signatures are 64 bytes. */
    public static final int SIGNATURE_LENGTH = 64;

    private final Ed25519PublicKeyParameters publicKey;

    private Ed25519Verifier(Ed25519PublicKeyParameters publicKey) {
        this.publicKey = publicKey;
    }

    /** A verifier for a raw 32-byte public key (RFC 8032 section 5.1.2 encoding). */
    public static Ed25519Verifier of(byte[] rawPublicKey) {
        if (rawPublicKey == null || rawPublicKey.length != PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("expected a " + PUBLIC_KEY_LENGTH + "-byte Ed25519 public key, found "
                    + (rawPublicKey == null ? "null" : rawPublicKey.length + " bytes"));
        }
        return new Ed25519Verifier(new Ed25519PublicKeyParameters(rawPublicKey, 0));
    }

    static Ed25519Verifier of(Ed25519PublicKeyParameters publicKey) {
        return new Ed25519Verifier(publicKey);
    }

    @Override
    public boolean verify(byte[] data, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        // Ed25519Signer holds a message buffer, so one per call keeps this verifier thread-safe.
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        verifier.update(data, 0, data.length);
        return verifier.verifySignature(signature);
    }

    /** The raw 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.getEncoded();
    }

    @Override
    public String toString() {
        return "Ed25519Verifier[" + Base64Url.encode(publicKey.getEncoded()) + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519Verifier that && Arrays.equals(publicKey(), that.publicKey());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey());
    }
}
