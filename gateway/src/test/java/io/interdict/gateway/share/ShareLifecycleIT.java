package io.interdict.gateway.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.ApiClient.Response;
import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.JdkEd25519;
import io.interdict.gateway.support.Shares;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 5: amend, extend the audience, withdraw and record actions on a share (PRODUCT.md §6). */
class ShareLifecycleIT extends GatewayIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    String push(String partner, ObjectNode body) {
        Response pushed = api.post(partner, "/api/v1/shares", body.toString());
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        return pushed.json().get("aggregateId").asText();
    }

    long eventsOf(String aggregateId) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId);
    }

    long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    Response readWhenVisible(String partner, String path) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> api.get(partner, path), r -> r.status() == 200);
    }

    /** A body without Content-Length (chunked transfer), so the limit is enforced while reading. */
    Response postChunked(String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + api.token("amazon"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                    .build();
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAmendmentAddsAVersionAndKeepsTheEarlierOneReadable() {
        ObjectNode body = Shares.amber();
        String shareId = push("amazon", body);
        ObjectNode amended = body.deepCopy().put("confidence", 95);

        Response response = api.post("amazon", "/api/v1/shares/" + shareId + "/amendments", amended.toString());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode record = response.json();
        assertThat(record.get("recordType").asText()).isEqualTo("IntelligenceShareAmended");
        assertThat(record.get("aggregateSequence").asLong()).isEqualTo(1);
        assertThat(record.get("payload").get("version").asInt()).isEqualTo(2);
        assertThat(record.get("payload").get("confidence").asInt()).isEqualTo(95);
        assertThat(record.has("gatewaySignature")).isTrue();
        assertThat(response.header("Location")).isEqualTo("/api/v1/shares/" + shareId + "?version=2");

        JsonNode latest = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get("ipr-center", "/api/v1/shares/" + shareId),
                        r -> r.status() == 200
                                && r.json().get("payload").get("version").asInt() == 2)
                .json();
        // A read also reports leafIndex once the Merkle log holds the record; the write's answer cannot.
        assertThat(withoutLeafIndex(latest)).isEqualTo(record);
        JsonNode first = api.get("ipr-center", "/api/v1/shares/" + shareId + "?version=1")
                .json();
        assertThat(first.get("recordType").asText()).isEqualTo("IntelligenceShared");
        assertThat(first.get("payload").get("confidence").asInt()).isEqualTo(85);
        assertThat(withoutLeafIndex(api.get("ipr-center", "/api/v1/shares/" + shareId + "?version=2")
                        .json()))
                .isEqualTo(record);
        assertThat(api.get("ipr-center", "/api/v1/shares/" + shareId + "?version=3")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aSignedAmendmentKeepsTheSubmitterSignatureAndABadOneStoresNothing() {
        JdkEd25519 key =
                JdkEd25519.generate("amazon-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(api.post("amazon", "/api/v1/partners/me/keys", key.publicJwk())
                        .status())
                .isEqualTo(201);
        ObjectNode body = Shares.amber();
        String shareId = push("amazon", body);
        String amended = Jcs.canonicalString(body.deepCopy().put("confidence", 70));

        Response forged = api.post(
                "amazon",
                "/api/v1/shares/" + shareId + "/amendments",
                amended,
                Map.of("Interdict-Signature", key.signDetached(amended.replace("70", "71"))));
        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.json().get("type").asText()).isEqualTo("urn:interdict:problem:bad-signature");
        assertThat(eventsOf(shareId)).isEqualTo(1);

        String signature = key.signDetached(amended);
        Response signed = api.post(
                "amazon",
                "/api/v1/shares/" + shareId + "/amendments",
                amended,
                Map.of("Interdict-Signature", signature));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        assertThat(signed.json().get("submitterSignature").asText()).isEqualTo(signature);
        assertThat(signed.json().get("payload").get("submittedBody").asText()).isEqualTo(amended);
    }

    @Test
    void loweringTheMarkingIsRefusedAndStoresNothing() {
        ObjectNode body = Shares.amber();
        String shareId = push("amazon", body);

        Response refused = api.post(
                "amazon",
                "/api/v1/shares/" + shareId + "/amendments",
                body.deepCopy().put("marking", "TLP:GREEN").toString());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("TLP:AMBER").contains("found TLP:GREEN");
        assertThat(eventsOf(shareId)).isEqualTo(1);
    }

    @Test
    void anAmendmentToAMarkingNoAgreementCoversIsRefused() {
        ObjectNode body = Shares.amber();
        String shareId = push("amazon", body);

        Response refused = api.post(
                "amazon",
                "/api/v1/shares/" + shareId + "/amendments",
                body.deepCopy().put("marking", "TLP:RED").toString());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:interdict:problem:no-sharing-agreement");
        assertThat(refused.json().get("detail").asText())
                .isEqualTo("no sharing agreement in force from amazon to cbp covering COUNTERFEIT_PRODUCT up to"
                        + " TLP:RED");
        assertThat(eventsOf(shareId)).isEqualTo(1);
    }

    @Test
    void aWithdrawnShareCannotBeAmendedButItsAudienceStillSeesItAsWithdrawn() {
        ObjectNode body = Shares.amber();
        String shareId = push("amazon", body);

        Response withdrawn =
                api.post("amazon", "/api/v1/shares/" + shareId + "/withdrawal", "{\"reason\":\"seller cleared\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("recordType").asText()).isEqualTo("IntelligenceShareWithdrawn");
        assertThat(withdrawn.json().get("payload").get("reason").asText()).isEqualTo("seller cleared");

        Response amend = api.post(
                "amazon",
                "/api/v1/shares/" + shareId + "/amendments",
                body.deepCopy().put("confidence", 10).toString());
        assertThat(amend.status()).isEqualTo(409);
        assertThat(amend.json().get("detail").asText()).contains("withdrawn");
        assertThat(api.post("amazon", "/api/v1/shares/" + shareId + "/actions", "{\"action\":\"SELLER_BLOCKED\"}")
                        .status())
                .isEqualTo(409);

        Response seen = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get("cbp", "/api/v1/shares/" + shareId),
                        r -> r.status() == 200 && "withdrawn".equals(r.header("Interdict-Share-Status")));
        assertThat(seen.json().get("payload").get("shareId").asText()).isEqualTo(shareId);
    }

    @Test
    void theAudienceGrowsOnlyToPartnersWithAnAgreement() {
        String shareId = push("amazon", Shares.body("TLP:AMBER", List.of("ipr-center")));

        Response extended = api.post("amazon", "/api/v1/shares/" + shareId + "/audience", "{\"recipients\":[\"cbp\"]}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().get("recordType").asText()).isEqualTo("IntelligenceShareAudienceExtended");
        assertThat(extended.json().get("payload").get("audience").toString()).isEqualTo("[\"cbp\",\"ipr-center\"]");
        readWhenVisible("cbp", "/api/v1/shares/" + shareId);

        Response refused = api.post("amazon", "/api/v1/shares/" + shareId + "/audience", "{\"recipients\":[\"dhl\"]}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:interdict:problem:no-sharing-agreement");
        assertThat(refused.json().get("detail").asText())
                .isEqualTo("no sharing agreement in force from amazon to dhl covering COUNTERFEIT_PRODUCT up to"
                        + " TLP:AMBER");
        assertThat(eventsOf(shareId)).isEqualTo(2);
    }

    @Test
    void theProviderRecordsAnAction() {
        String shareId = push("amazon", Shares.amber());

        Response recorded = api.post(
                "amazon",
                "/api/v1/shares/" + shareId + "/actions",
                "{\"action\":\"INVENTORY_SIDELINED\",\"details\":\"412 units in FC PHX3\"}");

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.json().get("recordType").asText()).isEqualTo("ProviderActionRecorded");
        assertThat(recorded.json().get("payload").get("actionType").asText()).isEqualTo("INVENTORY_SIDELINED");
        assertThat(recorded.json().get("partner").asText()).isEqualTo("amazon");
    }

    @Test
    void everyChangeEndpointNeedsATokenTheWriteScopeAndTheProvider() {
        String amberShare = push("amazon", Shares.amber());
        String greenShare = push("amazon", Shares.body("TLP:GREEN", List.of()));
        Map<String, String> bodies = Map.of(
                "amendments", Shares.amber().toString(),
                "audience", "{\"recipients\":[\"cbp\"]}",
                "withdrawal", "{\"reason\":\"no longer relevant\"}",
                "actions", "{\"action\":\"OTHER\"}");
        long before = storedEvents();
        bodies.forEach((endpoint, body) -> {
            assertThat(api.post(null, "/api/v1/shares/" + amberShare + "/" + endpoint, body)
                            .status())
                    .as("no token, " + endpoint)
                    .isEqualTo(401);
            assertThat(api.post("auditor", "/api/v1/shares/" + amberShare + "/" + endpoint, body)
                            .status())
                    .as("no shares:write, " + endpoint)
                    .isEqualTo(403);
            Response invisible = api.post("dhl", "/api/v1/shares/" + amberShare + "/" + endpoint, body);
            assertThat(invisible.status()).as("invisible, " + endpoint).isEqualTo(404);
            assertThat(invisible.json().get("type").asText()).isEqualTo("urn:interdict:problem:not-found");
            Response notProvider = api.post("dhl", "/api/v1/shares/" + greenShare + "/" + endpoint, body);
            assertThat(notProvider.status())
                    .as("visible, not the provider, " + endpoint)
                    .isEqualTo(403);
            assertThat(notProvider.json().get("detail").asText()).contains("only the provider amazon");
            assertThat(api.post("amazon", "/api/v1/shares/" + UUID.randomUUID() + "/" + endpoint, body)
                            .status())
                    .as("unknown share, " + endpoint)
                    .isEqualTo(404);
        });
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void badInputGetsAPreciseProblemAndStoresNothing() {
        String shareId = push("amazon", Shares.amber());
        String base = "/api/v1/shares/" + shareId;
        long before = storedEvents();

        Response malformed = api.post("amazon", base + "/withdrawal", "{\"reason\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(malformed.json().get("detail").asText()).startsWith("malformed JSON");

        Response unknown = api.post("amazon", base + "/withdrawal", "{\"reason\":\"x\",\"force\":true}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("unknown field 'force'");

        Response unknownInPush = api.post(
                "amazon",
                base + "/amendments",
                Shares.amber().put("severity", "high").toString());
        assertThat(unknownInPush.status()).isEqualTo(400);
        assertThat(unknownInPush.json().get("detail").asText()).contains("unknown field 'severity'");

        Response wrongType = api.post("amazon", base + "/actions", "{\"action\":\"DESTROYED\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asText()).contains("'action'");

        Response wrongShape = api.post("amazon", base + "/audience", "{\"recipients\":\"cbp\"}");
        assertThat(wrongShape.status()).isEqualTo(400);
        assertThat(wrongShape.json().get("detail").asText()).contains("'recipients'");

        Response missing = api.post("amazon", base + "/withdrawal", "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");

        Response oversized = api.post("amazon", base + "/withdrawal", "{\"reason\":\"" + "x".repeat(1_200_000) + "\"}");
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.json().get("type").asText()).isEqualTo("urn:interdict:problem:payload-too-large");

        Response chunked = postChunked(base + "/withdrawal", "{\"reason\":\"" + "x".repeat(1_200_000) + "\"}");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.json().get("type").asText()).isEqualTo("urn:interdict:problem:payload-too-large");

        Response notJson = api.post("amazon", base + "/withdrawal", "reason=x", Map.of("Content-Type", "text/plain"));
        assertThat(notJson.status()).isEqualTo(415);

        assertThat(storedEvents()).isEqualTo(before);
    }

    private static JsonNode withoutLeafIndex(JsonNode record) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = record.deepCopy();
        copy.remove("leafIndex");
        return copy;
    }
}
