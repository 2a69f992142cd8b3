package io.interdict.audit.jose;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 key pair (RFC 8032 section 5.1.5): the 32-byte private seed and the public key derived
 * from it. {@link #toString()} never shows the seed.
 */
public final class Ed25519KeyPair {

    /** RFC 8032 section 5.1.5: the private key is a 32-byte seed. */
    public static final int SEED_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE;

    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519PublicKeyParameters publicKey;

    private Ed25519KeyPair(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey();
    }

    /** A fresh key pair; the seed is 32 bytes from {@code random}. */
    public static Ed25519KeyPair generate(SecureRandom random) {
        return new Ed25519KeyPair(new Ed25519PrivateKeyParameters(random));
    }

    /** The key pair for a raw 32-byte seed (RFC 8032 section 5.1.5 "private key"). */
    public static Ed25519KeyPair fromSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("expected a " + SEED_LENGTH + "-byte Ed25519 seed, found "
                    + (seed == null ? "null" : seed.length + " bytes"));
        }
        return new Ed25519KeyPair(new Ed25519PrivateKeyParameters(seed, 0));
    }

    static Ed25519KeyPair of(Ed25519PrivateKeyParameters privateKey) {
        return new Ed25519KeyPair(privateKey);
    }

    /** A copy of the 32-byte private seed. Handle with care: this is the secret. */
    public byte[] seed() {
        return privateKey.getEncoded();
    }

    /** The raw 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.getEncoded();
    }

    /** The public key as the JWK {@code x} member (RFC 8037 section 2): unpadded base64url. */
    public String publicKeyX() {
        return Base64Url.encode(publicKey.getEncoded());
    }

    /** The public JWK for this pair under {@code kid}. */
    public Jwk publicJwk(String kid) {
        return Jwk.of(kid, publicKey.getEncoded());
    }

    /** A signer publishing its signatures under {@code kid}. */
    public Signer signer(String kid) {
        Jwk.requireValidKid(kid);
        return new Ed25519JwsSigner(kid, privateKey);
    }

    /** A verifier for this pair's public key. */
    public SignatureVerifier verifier() {
        return Ed25519Verifier.of(publicKey);
    }

    Ed25519PrivateKeyParameters privateKeyParameters() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "Ed25519KeyPair[x=" + publicKeyX() + "]";
    }

    private record Ed25519JwsSigner(String keyId, Ed25519PrivateKeyParameters privateKey) implements Signer {

        @Override
        public byte[] sign(byte[] data) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, privateKey);
            signer.update(data, 0, data.length);
            return signer.generateSignature();
        }

        @Override
        public String toString() {
            return "Ed25519 signer " + keyId;
        }
    }
}
