package io.interdict.audit.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.interdict.audit.canonical.Jcs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwkTest {

    private static final String RFC8037_PUBLIC =
            "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + JoseFixtures.RFC8037_X + "\",\"kid\":\"amazon-2026-1\"}";

    @Test
    void rfc8037PublicJwkParsesAndWritesBackTheSameMembers() {
        Jwk jwk = Jwk.parse(Jcs.parse(RFC8037_PUBLIC));
        assertThat(jwk.kid()).isEqualTo("amazon-2026-1");
        assertThat(jwk.x()).isEqualTo(JoseFixtures.RFC8037_X);
        assertThat(Jcs.canonicalString(jwk.toJson())).isEqualTo(Jcs.canonicalString(Jcs.parse(RFC8037_PUBLIC)));
    }

    @Test
    void ourJwkIsReadByNimbusAsTheSameEd25519Key() throws Exception {
        Jwk jwk = JoseFixtures.GATEWAY.publicJwk("gw-1");
        OctetKeyPair nimbus = OctetKeyPair.parse(jwk.toJson().toString());
        assertThat(nimbus.getCurve()).isEqualTo(Curve.Ed25519);
        assertThat(nimbus.getKeyID()).isEqualTo("gw-1");
        assertThat(nimbus.getDecodedX()).isEqualTo(JoseFixtures.GATEWAY.publicKey());
        assertThat(nimbus.isPrivate()).isFalse();
    }

    @Test
    void privateKeySubmittedAsPublicJwkIsRefusedSayingSo() {
        String withD = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"" + JoseFixtures.RFC8037_D + "\",\"x\":\""
                + JoseFixtures.RFC8037_X + "\",\"kid\":\"k\"}";
        assertThatThrownBy(() -> Jwk.parse(Jcs.parse(withD)))
                .isInstanceOf(InvalidJwkException.class)
                .hasMessageContaining("private key");
    }

    @Test
    void wrongKtyIsRefused() {
        assertThatThrownBy(() -> Jwk.parse(Jcs.parse(RFC8037_PUBLIC.replace("\"OKP\"", "\"EC\""))))
                .isInstanceOf(InvalidJwkException.class)
                .hasMessage("expected \"kty\":\"OKP\" (RFC 8037 section 2), found \"EC\"");
    }

    @Test
    void x25519CurveIsRefused() {
        assertThatThrownBy(() -> Jwk.parse(Jcs.parse(RFC8037_PUBLIC.replace("Ed25519", "X25519"))))
                .isInstanceOf(InvalidJwkException.class)
                .hasMessageContaining("found \"X25519\"");
    }

    @Test
    void shortXIsRefused() {
        assertThatThrownBy(() -> Jwk.parse(Jcs.parse(RFC8037_PUBLIC.replace(JoseFixtures.RFC8037_X, "AAAA"))))
                .isInstanceOf(InvalidJwkException.class)
                .hasMessageContaining("found 3 bytes");
    }

    @Test
    void paddedXIsRefused() {
        assertThatThrownBy(() -> Jwk.parse(
                        Jcs.parse(RFC8037_PUBLIC.replace(JoseFixtures.RFC8037_X, JoseFixtures.RFC8037_X + "="))))
                .isInstanceOf(InvalidJwkException.class)
                .hasMessageContaining("padding");
    }

    @Test
    void kidOutsideTheAlphabetOrTooLongIsRefused() {
        assertThatThrownBy(() -> Jwk.parse(Jcs.parse(RFC8037_PUBLIC.replace("amazon-2026-1", "amazon 1"))))
                .isInstanceOf(InvalidJwkException.class)
                .hasMessageContaining("[A-Za-z0-9._:-]");
        assertThatThrownBy(() -> Jwk.parse(Jcs.parse(RFC8037_PUBLIC.replace("amazon-2026-1", "k".repeat(129)))))
                .isInstanceOf(InvalidJwkException.class);
        assertThat(Jwk.parse(Jcs.parse(RFC8037_PUBLIC.replace("amazon-2026-1", "k".repeat(128))))
                        .kid())
                .hasSize(128);
        assertThatThrownBy(() -> Jwk.parse(Jcs.parse(RFC8037_PUBLIC.replace("\"amazon-2026-1\"", "\"\""))))
                .isInstanceOf(InvalidJwkException.class);
    }

    @Test
    void unknownMembersAreRefused() {
        assertThatThrownBy(() -> Jwk.parse(Jcs.parse(RFC8037_PUBLIC.replace("{", "{\"x5c\":[],"))))
                .isInstanceOf(InvalidJwkException.class)
                .hasMessageContaining("unexpected JWK member \"x5c\"");
    }

    @Test
    void publishedKeyOmitsRevokedAtUntilRevoked() {
        PublishedKey live = new PublishedKey(
                JoseFixtures.GATEWAY.publicJwk("gw-1"),
                PublishedKey.GATEWAY,
                Instant.parse("2026-01-01T00:00:00Z"),
                null);
        assertThat(live.toJson().has("revokedAt")).isFalse();
        assertThat(Jcs.canonicalString(live.toJson()))
                .isEqualTo(
                        "{\"alg\":\"EdDSA\",\"crv\":\"Ed25519\",\"kid\":\"gw-1\",\"kty\":\"OKP\",\"owner\":\"gateway\","
                                + "\"use\":\"sig\",\"validFrom\":\"2026-01-01T00:00:00.000Z\",\"x\":\""
                                + JoseFixtures.GATEWAY.publicKeyX() + "\"}");
        PublishedKey revoked = live.revoke(Instant.parse("2026-06-01T12:00:00Z"));
        assertThat(revoked.toJson().get("revokedAt").textValue()).isEqualTo("2026-06-01T12:00:00.000Z");
    }

    @Test
    void keyIsValidFromItsStartUntilJustBeforeItsRevocation() {
        PublishedKey key = new PublishedKey(
                JoseFixtures.GATEWAY.publicJwk("gw-1"),
                "gateway",
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(key.isValidAt(Instant.parse("2025-12-31T23:59:59.999Z"))).isFalse();
        assertThat(key.isValidAt(Instant.parse("2026-01-01T00:00:00Z"))).isTrue();
        assertThat(key.isValidAt(Instant.parse("2026-05-31T23:59:59.999Z"))).isTrue();
        assertThat(key.isValidAt(Instant.parse("2026-06-01T00:00:00Z"))).isFalse();
    }

    @Test
    void jwkSetRoundTripsThroughJson() {
        JwkSet set = JwkSet.of(List.of(
                new PublishedKey(
                        JoseFixtures.GATEWAY.publicJwk("gw-1"), "gateway", Instant.parse("2026-01-01T00:00:00Z"), null),
                new PublishedKey(
                        JoseFixtures.OTHER.publicJwk("amazon-1"),
                        "amazon",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-03-01T00:00:00Z"))));
        JwkSet again = JwkSet.parse(Jcs.parse(set.toJson().toString()));
        assertThat(again.keys()).isEqualTo(set.keys());
        assertThat(again.find("amazon-1").orElseThrow().revokedAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void jwkSetRefusesDuplicateKids() {
        PublishedKey key = new PublishedKey(JoseFixtures.GATEWAY.publicJwk("gw-1"), "gateway", Instant.EPOCH, null);
        assertThatThrownBy(() -> JwkSet.of(List.of(key, key)))
                .isInstanceOf(InvalidJwkException.class)
                .hasMessageContaining("\"gw-1\" twice");
    }

    @Test
    void resolverRefusesAnotherOwnersKeyAndKeysOutsideTheirWindow() {
        JwkSet set = JwkSet.of(List.of(new PublishedKey(
                JoseFixtures.OTHER.publicJwk("amazon-1"),
                "amazon",
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"))));
        Instant inside = Instant.parse("2026-02-01T00:00:00Z");
        assertThat(set.resolverFor("amazon", inside).resolve("amazon-1")).isInstanceOf(KeyResolution.Found.class);
        assertThat(set.resolverFor("dhl", inside).resolve("amazon-1")).isInstanceOf(KeyResolution.Unknown.class);
        assertThat(set.resolverFor("amazon", inside).resolve("amazon-2")).isInstanceOf(KeyResolution.Unknown.class);
        assertThat(set.resolverFor("amazon", Instant.parse("2026-03-02T00:00:00Z"))
                        .resolve("amazon-1"))
                .isInstanceOf(KeyResolution.NotValidAtTime.class);
    }
}
