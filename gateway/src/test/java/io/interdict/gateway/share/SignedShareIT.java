package io.interdict.gateway.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.ApiClient.Response;
import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.IndependentJcs;
import io.interdict.gateway.support.JdkEd25519;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 4 end to end: a partner registers an Ed25519 key, pushes a signed share, reads it back, and
 * checks both signatures with the JDK's Ed25519 and a separate RFC 8785 serialiser — not with the
 * BouncyCastle and canonicalisation code that produced them.
 */
class SignedShareIT extends GatewayIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** A push body already in RFC 8785 form (members sorted, no whitespace), so it is exactly what is signed. */
    static String canonicalShare(String sellerAccount) {
        return "{\"audience\":[\"cbp\",\"ipr-center\"],\"confidence\":85,\"evidence\":[{\"description\":\"listing"
                + " capture\",\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}],"
                + "\"indicators\":[\"price 80% under list\",\"logo mismatch\"],\"kind\":\"COUNTERFEIT_PRODUCT\","
                + "\"marking\":\"TLP:AMBER\",\"subject\":{\"consignee\":\"Northline Imports LLC\",\"hsCode\":\"6403.99\","
                + "\"originCountry\":\"CN\",\"portOfEntry\":\"USLAX\",\"productId\":\"B0CXY12345\",\"sellerAccount\":\""
                + sellerAccount + "\",\"trackingNumber\":\"JD014600006281234567\"}}";
    }

    JdkEd25519 registerKey(String partner) {
        JdkEd25519 key =
                JdkEd25519.generate(partner + "-" + UUID.randomUUID().toString().substring(0, 8));
        Response registered = api.post(partner, "/api/v1/partners/me/keys", key.publicJwk());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return key;
    }

    Response push(String partner, String body, String signature) {
        return api.post(
                partner,
                "/api/v1/shares",
                body,
                signature == null ? Map.of() : Map.of("Interdict-Signature", signature));
    }

    long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    @Test
    void aSignedShareReadBackVerifiesWithAnIndependentImplementation() {
        JdkEd25519 key = registerKey("amazon");
        String body = canonicalShare("A3KX9Q1L0PZ");
        String signature = key.signDetached(body);

        Response pushed = push("amazon", body, signature);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        JsonNode record = pushed.json();
        String shareId = record.get("aggregateId").asText();
        assertThat(pushed.header("Location")).isEqualTo("/api/v1/shares/" + shareId);
        assertThat(record.get("recordType").asText()).isEqualTo("IntelligenceShared");
        assertThat(record.get("partner").asText()).isEqualTo("amazon");
        assertThat(record.get("submitterSignature").asText()).isEqualTo(signature);
        assertThat(record.get("payload").get("submittedBody").asText()).isEqualTo(body);
        assertThat(record.get("payload").get("marking").asText()).isEqualTo("TLP:AMBER");

        Response read = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("ipr-center", "/api/v1/shares/" + shareId), r -> r.status() == 200);
        JsonNode readBack = read.json();
        ObjectNode asPushed = readBack.deepCopy();
        asPushed.remove("leafIndex");
        assertThat(asPushed).isEqualTo(record);
        JsonNode inLog = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("ipr-center", "/api/v1/shares/" + shareId).json(), r -> r.has("leafIndex"));
        assertThat(inLog.get("leafIndex").asLong()).isNotNegative();

        // The submitter signature: the partner's key, over exactly the body it pushed.
        String submitted = readBack.get("payload").get("submittedBody").asText();
        assertThat(JdkEd25519.verifyDetached(
                        readBack.get("submitterSignature").asText(),
                        submitted.getBytes(StandardCharsets.UTF_8),
                        key.x()))
                .isTrue();

        // The gateway signature: a published gateway key, over the RFC 8785 form of the envelope.
        String gatewaySignature = readBack.get("gatewaySignature").asText();
        String gatewayKeyX = publishedKey(JdkEd25519.kidOf(gatewaySignature), "gateway");
        byte[] envelope = IndependentJcs.canonical(envelopeOf(readBack)).getBytes(StandardCharsets.UTF_8);
        assertThat(JdkEd25519.verifyDetached(gatewaySignature, envelope, gatewayKeyX))
                .isTrue();

        // One byte changed in the payload and the gateway signature no longer verifies.
        ObjectNode tampered = envelopeOf(readBack);
        ((ObjectNode) tampered.get("payload")).put("confidence", 86);
        assertThat(JdkEd25519.verifyDetached(
                        gatewaySignature,
                        IndependentJcs.canonical(tampered).getBytes(StandardCharsets.UTF_8),
                        gatewayKeyX))
                .isFalse();
    }

    @Test
    void thePublishedKeySetListsGatewayAndPartnerKeysWithoutATokenAndKeepsRevokedOnes() {
        JdkEd25519 key = registerKey("dhl");
        assertThat(api.delete("dhl", "/api/v1/partners/me/keys/" + key.kid()).status())
                .isEqualTo(204);

        JsonNode entry = await().atMost(Duration.ofSeconds(30))
                .until(() -> keyEntry(key.kid()), found -> found != null && found.has("revokedAt"));
        assertThat(entry.get("owner").asText()).isEqualTo("dhl");
        assertThat(entry.get("x").asText()).isEqualTo(key.x());
        assertThat(entry.get("kty").asText()).isEqualTo("OKP");
        assertThat(entry.get("crv").asText()).isEqualTo("Ed25519");
        assertThat(entry.has("d")).isFalse();
        Response keys = api.get(null, "/api/v1/keys");
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.json().get("keys").findValuesAsText("owner")).contains("gateway");
    }

    @Test
    void aSignatureByAnUnknownKeyIsRefusedAndNothingIsStored() {
        JdkEd25519 stranger = JdkEd25519.generate("amazon-never-registered");
        String body = canonicalShare("UNKNOWN-KID");
        long before = storedEvents();

        Response refused = push("amazon", body, stranger.signDetached(body));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:interdict:problem:bad-signature");
        assertThat(refused.json().get("detail").asText())
                .contains("UNKNOWN_KEY")
                .contains("no key 'amazon-never-registered' is registered for amazon");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aSignatureWithAnotherPartnersKeyIsRefused() {
        JdkEd25519 dhlKey = registerKey("dhl");
        await().atMost(Duration.ofSeconds(30)).until(() -> keyEntry(dhlKey.kid()) != null);
        String body = canonicalShare("OTHER-PARTNERS-KEY");

        Response refused = push("amazon", body, dhlKey.signDetached(body));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("belongs to another partner");
    }

    @Test
    void aSignatureWithARevokedKeyIsRefused() {
        JdkEd25519 key = registerKey("amazon");
        assertThat(api.delete("amazon", "/api/v1/partners/me/keys/" + key.kid()).status())
                .isEqualTo(204);
        String body = canonicalShare("REVOKED-KEY");

        Response refused = push("amazon", body, key.signDetached(body));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText())
                .contains("KEY_NOT_VALID_AT_TIME")
                .contains("revoked");
    }

    @Test
    void aSignatureOverOtherBytesIsRefused() {
        JdkEd25519 key = registerKey("amazon");
        long before = storedEvents();

        Response refused =
                push("amazon", canonicalShare("PUSHED"), key.signDetached(canonicalShare("SIGNED-SOMETHING-ELSE")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("BAD_SIGNATURE");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aMalformedSignatureIsRefused() {
        Response refused = push("amazon", canonicalShare("MALFORMED"), "not-a-jws");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("MALFORMED");
    }

    @Test
    void aPrivateKeyOfferedAsAPublicJwkIsRefused() {
        JdkEd25519 key = JdkEd25519.generate("amazon-with-d");
        String withPrivatePart = key.publicJwk().replace("}", ",\"d\":\"" + key.x() + "\"}");

        Response refused = api.post("amazon", "/api/v1/partners/me/keys", withPrivatePart);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).containsIgnoringCase("private");
    }

    @Test
    void keyManagementNeedsTheKeysScopeAndAToken() {
        JdkEd25519 key = JdkEd25519.generate("auditor-1");
        assertThat(api.post("auditor", "/api/v1/partners/me/keys", key.publicJwk())
                        .status())
                .isEqualTo(403);
        assertThat(api.post(null, "/api/v1/partners/me/keys", key.publicJwk()).status())
                .isEqualTo(401);
    }

    private JsonNode keyEntry(String kid) {
        for (JsonNode key : api.get(null, "/api/v1/keys").json().get("keys")) {
            if (key.get("kid").asText().equals(kid)) {
                return key;
            }
        }
        return null;
    }

    private String publishedKey(String kid, String owner) {
        JsonNode entry = keyEntry(kid);
        assertThat(entry).as("published key " + kid).isNotNull();
        assertThat(entry.get("owner").asText()).isEqualTo(owner);
        return entry.get("x").asText();
    }

    /** PRODUCT.md §4: the signed envelope is the record without gatewaySignature and leafIndex. */
    private static ObjectNode envelopeOf(JsonNode record) {
        ObjectNode envelope = record.deepCopy();
        envelope.remove("gatewaySignature");
        envelope.remove("leafIndex");
        return envelope;
    }
}
