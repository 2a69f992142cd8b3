package io.interdict.audit.jose;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/** Keys shared by the JOSE tests, and the JDK's own Ed25519 (SunEC) as an independent implementation. */
final class JoseFixtures {

    /** RFC 8037 appendix A.1: the Ed25519 private key {@code d} and public key {@code x}. */
    static final String RFC8037_D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";

    static final String RFC8037_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    static final Ed25519KeyPair GATEWAY =
            Ed25519KeyPair.fromSeed(hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

    static final Ed25519KeyPair OTHER =
            Ed25519KeyPair.fromSeed(hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));

    /** RFC 8410 section 10.1 / 7: the fixed DER prefixes of an Ed25519 SubjectPublicKeyInfo and PKCS#8 key. */
    private static final byte[] SPKI_PREFIX = hex("302a300506032b6570032100");

    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");

    private JoseFixtures() {}

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static PublicKey jdkPublicKey(byte[] raw) throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw)));
    }

    static PrivateKey jdkPrivateKey(byte[] seed) throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
    }

    static boolean jdkVerify(byte[] publicKey, byte[] data, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(jdkPublicKey(publicKey));
        verifier.update(data);
        return verifier.verify(signature);
    }

    static byte[] jdkSign(byte[] seed, byte[] data) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(jdkPrivateKey(seed));
        signer.update(data);
        return signer.sign();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
