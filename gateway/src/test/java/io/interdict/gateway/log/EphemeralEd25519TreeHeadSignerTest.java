package io.interdict.gateway.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

class EphemeralEd25519TreeHeadSignerTest {

    private final EphemeralEd25519TreeHeadSigner signer = new EphemeralEd25519TreeHeadSigner(new SecureRandom());
    private final byte[] payload =
            "{\"rootHash\":\"x\",\"timestamp\":\"t\",\"treeSize\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void producesACompactJwsWithDetachedPayloadAndAnEdDsaHeaderNamingTheKey() {
        String[] parts = signer.signDetached(payload).split("\\.", -1);

        assertThat(parts).hasSize(3);
        assertThat(parts[1]).isEmpty();
        assertThat(parts[0]).doesNotContain("=");
        assertThat(parts[2]).doesNotContain("=");
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
                .isEqualTo("{\"alg\":\"EdDSA\",\"kid\":\"" + signer.kid() + "\"}");
        assertThat(signer.kid()).startsWith("ephemeral-log-");
    }

    @Test
    void theSignatureVerifiesOverTheRfc7515SigningInputAndOnlyOverIt() {
        String jws = signer.signDetached(payload);

        assertThat(verifies(jws, payload)).isTrue();
        byte[] other = payload.clone();
        other[other.length - 2] = '2';
        assertThat(verifies(jws, other)).isFalse();
    }

    private boolean verifies(String detachedJws, byte[] detachedPayload) {
        String[] parts = detachedJws.split("\\.", -1);
        byte[] signingInput = (parts[0] + "."
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(detachedPayload))
                .getBytes(StandardCharsets.US_ASCII);
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(signer.publicKey(), 0));
        verifier.update(signingInput, 0, signingInput.length);
        return verifier.verifySignature(Base64.getUrlDecoder().decode(parts[2]));
    }
}
