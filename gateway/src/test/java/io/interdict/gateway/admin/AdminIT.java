package io.interdict.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.ApiClient.Response;
import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.Shares;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 5: the operator enrols, suspends and reinstates partners, signs and revokes agreements. */
class AdminIT extends GatewayIntegrationTest {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    String enrol(String kind) {
        String id = Shares.freshPartnerId("p");
        Response enrolled = api.post(
                "operator",
                "/api/v1/admin/partners",
                "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"displayName\":\"Partner " + id + "\"}");
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        return id;
    }

    Response pushTo(String recipient) {
        return api.post(
                "amazon",
                "/api/v1/shares",
                Shares.body("TLP:AMBER", List.of(recipient)).toString());
    }

    static String agreement(String provider, String recipient) {
        return "{\"provider\":\"" + provider + "\",\"recipient\":\"" + recipient + "\","
                + "\"kinds\":[\"COUNTERFEIT_PRODUCT\"],\"maxMarking\":\"TLP:AMBER\","
                + "\"validFrom\":\"2026-01-01T00:00:00Z\",\"validUntil\":\"2030-01-01T00:00:00Z\"}";
    }

    @Test
    void theOperatorEnrolsAPartnerOnce() {
        String id = Shares.freshPartnerId("carrier");
        String body = "{\"id\":\"" + id + "\",\"kind\":\"SIGNAL_PROVIDER\",\"displayName\":\"Carrier\","
                + "\"roles\":[\"CARRIER\"]}";

        Response enrolled = api.post("operator", "/api/v1/admin/partners", body);

        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        assertThat(enrolled.header("Location")).isEqualTo("/api/v1/admin/partners/" + id);
        JsonNode record = enrolled.json();
        assertThat(record.get("recordType").asText()).isEqualTo("PartnerEnrolled");
        assertThat(record.get("aggregateId").asText()).isEqualTo(id);
        assertThat(record.get("partner").asText()).isEqualTo("operator");
        assertThat(record.get("payload").get("roles").toString()).isEqualTo("[\"CARRIER\"]");

        Response again = api.post("operator", "/api/v1/admin/partners", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains(id);
    }

    @Test
    void aSuspendedPartnerIsRefusedOnItsNextRequestAndServedAgainOnceReinstated() {
        assertThat(api.get("dhl", "/api/v1/shares/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        try {
            Response suspended =
                    api.post("operator", "/api/v1/admin/partners/dhl/suspension", "{\"reason\":\"audit\"}");
            assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
            assertThat(suspended.json().get("recordType").asText()).isEqualTo("PartnerSuspended");

            Response refused = api.get("dhl", "/api/v1/shares/" + UUID.randomUUID());
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("detail").asText()).contains("suspended");
            assertThat(api.post("dhl", "/api/v1/shares", Shares.amber().toString())
                            .status())
                    .isEqualTo(403);
            Response twice = api.post("operator", "/api/v1/admin/partners/dhl/suspension", "{\"reason\":\"again\"}");
            assertThat(twice.status()).isEqualTo(409);
        } finally {
            Response reinstated =
                    api.post("operator", "/api/v1/admin/partners/dhl/reinstatement", "{\"reason\":\"cleared\"}");
            assertThat(reinstated.status()).as(reinstated.body()).isEqualTo(200);
            assertThat(reinstated.json().get("recordType").asText()).isEqualTo("PartnerReinstated");
        }
        assertThat(api.get("dhl", "/api/v1/shares/" + UUID.randomUUID()).status())
                .isEqualTo(404);
    }

    @Test
    void anAgreementHoldsFromTheNextPushAndARevokedOneNoLonger() {
        String recipient = enrol("BORDER_AUTHORITY");
        Response before = pushTo(recipient);
        assertThat(before.status()).isEqualTo(422);
        assertThat(before.json().get("detail").asText())
                .isEqualTo("no sharing agreement in force from amazon to " + recipient
                        + " covering COUNTERFEIT_PRODUCT up to TLP:AMBER");

        Response signed = api.post("operator", "/api/v1/admin/agreements", agreement("amazon", recipient));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        JsonNode record = signed.json();
        String agreementId = record.get("aggregateId").asText();
        assertThat(record.get("recordType").asText()).isEqualTo("SharingAgreementSigned");
        assertThat(record.get("payload").get("maxMarking").asText()).isEqualTo("TLP:AMBER");
        assertThat(signed.header("Location")).isEqualTo("/api/v1/admin/agreements/" + agreementId);

        Response covered = pushTo(recipient);
        assertThat(covered.status()).as(covered.body()).isEqualTo(201);

        Response revoked = api.delete("operator", "/api/v1/admin/agreements/" + agreementId + "?reason=ended");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("recordType").asText()).isEqualTo("SharingAgreementRevoked");

        Response after = pushTo(recipient);
        assertThat(after.status()).isEqualTo(422);
        assertThat(after.json().get("type").asText()).isEqualTo("urn:interdict:problem:no-sharing-agreement");
        JsonNode batch = api.post(
                        "amazon",
                        "/api/v1/shares/batch",
                        "{\"items\":[{\"share\":" + Shares.body("TLP:AMBER", List.of(recipient)) + "}]}")
                .json();
        assertThat(batch.get("success_count").asInt()).isZero();
        assertThat(batch.get("failures").get(0).get("type").asText())
                .isEqualTo("urn:interdict:problem:no-sharing-agreement");
        assertThat(api.delete("operator", "/api/v1/admin/agreements/" + agreementId)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void anAgreementRetriedWithItsKeyIsSignedOnce() {
        String recipient = enrol("INVESTIGATOR");
        Map<String, String> key = Map.of("Idempotency-Key", "agreement-" + UUID.randomUUID());

        Response first = api.post("operator", "/api/v1/admin/agreements", agreement("amazon", recipient), key);
        Response retry = api.post("operator", "/api/v1/admin/agreements", agreement("amazon", recipient), key);
        Response reused = api.post("operator", "/api/v1/admin/agreements", agreement("dhl", recipient), key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asText()).isEqualTo("urn:interdict:problem:idempotency-key-reused");
    }

    @Test
    void adminEndpointsNeedATokenAndTheAdminScope() {
        String partner = "{\"id\":\"nobody\",\"kind\":\"AUDITOR\",\"displayName\":\"Nobody\"}";
        String reason = "{\"reason\":\"x\"}";
        for (String client : List.of("amazon", "auditor", "cbp")) {
            assertThat(api.post(client, "/api/v1/admin/partners", partner).status())
                    .isEqualTo(403);
            assertThat(api.post(client, "/api/v1/admin/partners/dhl/suspension", reason)
                            .status())
                    .isEqualTo(403);
            assertThat(api.post(client, "/api/v1/admin/partners/dhl/reinstatement", reason)
                            .status())
                    .isEqualTo(403);
            assertThat(api.post(client, "/api/v1/admin/agreements", agreement("amazon", "cbp"))
                            .status())
                    .isEqualTo(403);
            assertThat(api.delete(client, "/api/v1/admin/agreements/" + UUID.randomUUID())
                            .status())
                    .isEqualTo(403);
        }
        assertThat(api.post(null, "/api/v1/admin/partners", partner).status()).isEqualTo(401);
        assertThat(api.post(null, "/api/v1/admin/partners/dhl/suspension", reason)
                        .status())
                .isEqualTo(401);
        assertThat(api.post(null, "/api/v1/admin/partners/dhl/reinstatement", reason)
                        .status())
                .isEqualTo(401);
        assertThat(api.post(null, "/api/v1/admin/agreements", agreement("amazon", "cbp"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void unknownPartnersAndAgreementsAreNotFoundOrRefused() {
        String reason = "{\"reason\":\"x\"}";
        assertThat(api.post("operator", "/api/v1/admin/partners/no-such-partner/suspension", reason)
                        .status())
                .isEqualTo(404);
        assertThat(api.post("operator", "/api/v1/admin/partners/no-such-partner/reinstatement", reason)
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("operator", "/api/v1/admin/agreements/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
        Response unknownRecipient =
                api.post("operator", "/api/v1/admin/agreements", agreement("amazon", "no-such-partner"));
        assertThat(unknownRecipient.status()).isEqualTo(422);
        assertThat(unknownRecipient.json().get("detail").asText()).contains("no-such-partner");
    }

    @Test
    void badAdminInputGetsAPreciseProblem() {
        Response marking = api.post(
                "operator",
                "/api/v1/admin/agreements",
                agreement("amazon", "cbp").replace("TLP:AMBER", "TLP:WHITE"));
        assertThat(marking.status()).isEqualTo(400);
        assertThat(marking.json().get("detail").asText()).contains("TLP:WHITE");

        ObjectNode unknownField = (ObjectNode) ApiClient.JSON
                .createObjectNode()
                .put("id", "x-1")
                .put("kind", "AUDITOR")
                .put("displayName", "X")
                .put("admin", true);
        Response unknown = api.post("operator", "/api/v1/admin/partners", unknownField.toString());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("unknown field 'admin'");

        Response badId = api.post(
                "operator", "/api/v1/admin/partners", "{\"id\":\"Bad Id\",\"kind\":\"AUDITOR\",\"displayName\":\"X\"}");
        assertThat(badId.status()).isEqualTo(422);
        assertThat(badId.json().get("errors").get(0).get("field").asText()).isEqualTo("id");

        Response window = api.post(
                "operator",
                "/api/v1/admin/agreements",
                agreement("amazon", "cbp").replace("2030-01-01T00:00:00Z", "2025-01-01T00:00:00Z"));
        assertThat(window.status()).isEqualTo(422);
        assertThat(window.json().get("detail").asText()).contains("validUntil");
    }
}
