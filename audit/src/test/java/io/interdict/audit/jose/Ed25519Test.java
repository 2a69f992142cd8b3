package io.interdict.audit.jose;

import static io.interdict.audit.jose.JoseFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ed25519Test {

    /** RFC 8032 section 7.1, TEST 1, TEST 2 and TEST 3: secret key, public key, message, signature. */
    @ParameterizedTest(name = "RFC 8032 section 7.1 {0}")
    @CsvSource({
        "TEST 1, 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
                + " d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '',"
                + " e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "TEST 2, 4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
                + " 3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72,"
                + " 92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "TEST 3, c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
                + " fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82,"
                + " 6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    })
    void rfc8032Section71VectorsSignAndVerify(
            String name, String secret, String publicKey, String message, String signature) {
        assertKnownAnswer(hex(secret), hex(publicKey), hex(message), hex(signature));
    }

    /** RFC 8032 section 7.1, TEST 1024: a 1023-byte message (bytes copied from the RFC into a resource). */
    @Test
    void rfc8032Section71Test1024SignsThe1023ByteMessage() throws IOException {
        byte[] message;
        try (InputStream in = getClass().getResourceAsStream("rfc8032-test1024-message.hex")) {
            message = hex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
        assertThat(message).hasSize(1023);
        assertKnownAnswer(
                hex("f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5"),
                hex("278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e"),
                message,
                hex("0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350"
                        + "aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03"));
    }

    private static void assertKnownAnswer(byte[] seed, byte[] publicKey, byte[] message, byte[] signature) {
        Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(seed);
        assertThat(HexFormat.of().formatHex(pair.publicKey()))
                .isEqualTo(HexFormat.of().formatHex(publicKey));
        assertThat(HexFormat.of().formatHex(pair.signer("kat").sign(message)))
                .isEqualTo(HexFormat.of().formatHex(signature));
        assertThat(Ed25519Verifier.of(publicKey).verify(message, signature)).isTrue();
        byte[] flipped = signature.clone();
        flipped[63] ^= 0x01;
        assertThat(Ed25519Verifier.of(publicKey).verify(message, flipped)).isFalse();
    }

    @Test
    void generatedKeyPairsRoundTripThroughTheirSeed() {
        Ed25519KeyPair pair = Ed25519KeyPair.generate(new SecureRandom());
        Ed25519KeyPair again = Ed25519KeyPair.fromSeed(pair.seed());
        assertThat(again.publicKey()).isEqualTo(pair.publicKey());
        assertThat(again.publicKeyX()).isEqualTo(pair.publicKeyX()).hasSize(43);
        byte[] data = "x".getBytes(StandardCharsets.UTF_8);
        assertThat(pair.verifier().verify(data, again.signer("k").sign(data))).isTrue();
    }

    @Test
    void keyPairToStringDoesNotRevealTheSeed() {
        Ed25519KeyPair pair = JoseFixtures.GATEWAY;
        assertThat(pair.toString())
                .doesNotContain(HexFormat.of().formatHex(pair.seed()))
                .contains(pair.publicKeyX());
    }

    @Test
    void seedsOfTheWrongLengthAreRefused() {
        assertThatThrownBy(() -> Ed25519KeyPair.fromSeed(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a 32-byte Ed25519 seed, found 31 bytes");
    }

    @Test
    void signaturesOfTheWrongLengthDoNotVerify() {
        byte[] data = {1, 2, 3};
        byte[] signature = JoseFixtures.GATEWAY.signer("k").sign(data);
        assertThat(JoseFixtures.GATEWAY.verifier().verify(data, java.util.Arrays.copyOf(signature, 63)))
                .isFalse();
    }

    /** Cross-implementation: BouncyCastle signatures verify with the JDK's Ed25519 and the other way round. */
    @Test
    void bouncyCastleAndTheJdkAgreeOnSignatures() throws Exception {
        byte[] data = "Interdict cross-check".getBytes(StandardCharsets.UTF_8);
        Ed25519KeyPair pair = Ed25519KeyPair.generate(new SecureRandom());
        byte[] ours = pair.signer("k").sign(data);
        assertThat(JoseFixtures.jdkVerify(pair.publicKey(), data, ours)).isTrue();
        byte[] theirs = JoseFixtures.jdkSign(pair.seed(), data);
        assertThat(theirs).isEqualTo(ours); // RFC 8032 Ed25519 is deterministic
        assertThat(pair.verifier().verify(data, theirs)).isTrue();
    }
}
