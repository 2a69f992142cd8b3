package io.interdict.gateway.investigation;

import static io.interdict.gateway.support.LifecycleSteps.READ_MODEL;
import static io.interdict.gateway.support.LifecycleSteps.inspection;
import static io.interdict.gateway.support.LifecycleSteps.share;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.ApiClient.Response;
import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.LifecycleSteps;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 5, investigations: the lifecycle of PRODUCT.md §2 over HTTP, evidence checks across
 * aggregates, who sees an investigation (§3: the lead agency and auditors; the outcome also the
 * providers whose shares were linked — anyone else gets 404), scopes (§1) and bad input (§7).
 */
class InvestigationApiIT extends GatewayIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    ApiClient api;
    LifecycleSteps steps;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        steps = new LifecycleSteps(api, jdbc, commands);
    }

    String path(String investigationId, String action) {
        return "/api/v1/investigations/" + investigationId + "/" + action;
    }

    @Test
    void theLeadLinksASeizureAndASharedTipAndTheProviderLearnsTheOutcome() {
        String shareId = steps.pushShare("amazon", share("TLP:AMBER", "[\"ipr-center\",\"cbp\"]"), "ipr-center");
        String inspectionId = steps.requestInspection("ipr-center", inspection("dhl", "[]"));
        assertThat(api.post("cbp", "/api/v1/inspections/" + inspectionId + "/completion", "{\"result\":\"SEIZED\"}")
                        .status())
                .isEqualTo(200);

        Response opened = api.post(
                "ipr-center",
                "/api/v1/investigations",
                "{\"title\":\"Counterfeit footwear ring\",\"subjects\":[\"A3KX9Q1L0PZ\"]}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String investigationId = opened.json().get("aggregateId").asText();
        assertThat(opened.header("Location")).isEqualTo("/api/v1/investigations/" + investigationId);
        assertThat(opened.json().get("recordType").asText()).isEqualTo("InvestigationOpened");
        assertThat(opened.json().get("payload").get("leadAgency").asText()).isEqualTo("ipr-center");
        steps.awaitRow("investigation_view", "investigation_id", investigationId);

        Response linked = api.post(
                "ipr-center",
                path(investigationId, "evidence"),
                "{\"shareIds\":[\"" + shareId + "\"],\"inspectionIds\":[\"" + inspectionId + "\"]}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("recordType").asText()).isEqualTo("EvidenceLinked");
        await().atMost(READ_MODEL)
                .until(
                        () -> api.get("ipr-center", "/api/v1/investigations/" + investigationId),
                        r -> r.status() == 200 && r.json().get("shareIds").size() == 1);
        // Before an outcome there is nothing for the provider to see.
        assertThat(api.get("amazon", "/api/v1/investigations/" + investigationId)
                        .status())
                .isEqualTo(404);

        Response outcome = api.post(
                "ipr-center",
                path(investigationId, "outcome"),
                "{\"outcome\":\"CIVIL_LITIGATION\",\"details\":\"suit filed against the seller\"}");
        assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
        assertThat(outcome.json().get("recordType").asText()).isEqualTo("InvestigationOutcomeRecorded");

        // Feedback: the provider of a linked share sees the outcome and its own share, not the case.
        JsonNode feedback = await().atMost(READ_MODEL)
                .until(() -> api.get("amazon", "/api/v1/investigations/" + investigationId), r -> r.status() == 200)
                .json();
        assertThat(feedback.get("access").asText()).isEqualTo("FEEDBACK");
        assertThat(feedback.get("status").asText()).isEqualTo("OPEN");
        assertThat(feedback.get("outcome").asText()).isEqualTo("CIVIL_LITIGATION");
        assertThat(feedback.get("details").asText()).isEqualTo("suit filed against the seller");
        assertThat(feedback.get("shareIds")).hasSize(1);
        assertThat(feedback.get("shareIds").get(0).asText()).isEqualTo(shareId);
        assertThat(feedback.has("title")).isFalse();
        assertThat(feedback.has("subjects")).isFalse();
        assertThat(feedback.has("inspectionIds")).isFalse();
        assertThat(feedback.get("records").findValuesAsText("recordType"))
                .containsExactly("InvestigationOutcomeRecorded");
        com.fasterxml.jackson.databind.node.ObjectNode fed =
                feedback.get("records").get(0).deepCopy();
        fed.remove("leafIndex");
        assertThat(fed).isEqualTo(outcome.json());
        // Like every read, feedback reports the record's leaf index once the Merkle log holds it.
        await().atMost(READ_MODEL)
                .until(
                        () -> api.get("amazon", "/api/v1/investigations/" + investigationId)
                                .json()
                                .get("records")
                                .get(0),
                        record -> record.has("leafIndex"));
        assertThat(listedIds("amazon")).contains(investigationId);

        // The carrier linked nothing: it does not learn the investigation exists.
        assertThat(api.get("dhl", "/api/v1/investigations/" + investigationId).status())
                .isEqualTo(404);
        assertThat(listedIds("dhl")).doesNotContain(investigationId);

        JsonNode full =
                api.get("auditor", "/api/v1/investigations/" + investigationId).json();
        assertThat(full.get("access").asText()).isEqualTo("FULL");
        assertThat(full.get("title").asText()).isEqualTo("Counterfeit footwear ring");
        assertThat(full.get("inspectionIds").get(0).asText()).isEqualTo(inspectionId);
        assertThat(full.get("records").findValuesAsText("recordType"))
                .containsExactly("InvestigationOpened", "EvidenceLinked", "InvestigationOutcomeRecorded");
        assertThat(listedIds("ipr-center")).contains(investigationId);

        Response closed = api.post("ipr-center", path(investigationId, "closure"), "{\"reason\":\"litigation filed\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("recordType").asText()).isEqualTo("InvestigationClosed");
        assertThat(api.post("ipr-center", path(investigationId, "outcome"), "{\"outcome\":\"NO_ACTION\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post("ipr-center", path(investigationId, "closure"), "").status())
                .isEqualTo(409);
        await().atMost(READ_MODEL)
                .until(
                        () -> api.get("amazon", "/api/v1/investigations/" + investigationId),
                        r -> r.status() == 200
                                && r.json().get("status").asText().equals("CLOSED"));
    }

    @Test
    void evidenceMustExistAndBeVisibleToTheLead() {
        String investigationId = steps.openInvestigation("ipr-center");
        // TLP:RED with no audience (no agreement needed): only amazon sees it, so it cannot be linked.
        String redShare = steps.pushShare("amazon", share("TLP:RED", "[]"), null);
        // Requested by the border authority for dhl: ipr-center does not see it.
        String foreignInspection = steps.requestInspection("cbp", inspection("dhl", "[]"));
        long before = steps.storedEvents();

        Response red =
                api.post("ipr-center", path(investigationId, "evidence"), "{\"shareIds\":[\"" + redShare + "\"]}");
        assertThat(red.status()).as(red.body()).isEqualTo(422);
        assertThat(red.json().get("detail").asText())
                .contains("shareIds")
                .contains(redShare)
                .contains("does not exist or is not visible to you")
                .doesNotContain("TLP");
        Response inspection = api.post(
                "ipr-center", path(investigationId, "evidence"), "{\"inspectionIds\":[\"" + foreignInspection + "\"]}");
        assertThat(inspection.status()).as(inspection.body()).isEqualTo(422);
        assertThat(inspection.json().get("detail").asText())
                .contains("inspectionIds")
                .contains(foreignInspection);
        Response nothing = api.post("ipr-center", path(investigationId, "evidence"), "{\"shareIds\":[]}");
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.json().get("detail").asText()).contains("at least one share or inspection id");
        assertThat(steps.storedEvents()).isEqualTo(before);
    }

    @Test
    void partnerOutsideTheInvestigationGetsNotFoundOnEveryEndpoint() {
        // Led by another investigator: to ipr-center it does not exist.
        String investigationId = steps.openInvestigationOutsideTheDemo("other-investigator");
        long before = steps.storedEvents();

        assertNotFound(api.get("ipr-center", "/api/v1/investigations/" + investigationId));
        assertNotFound(api.get("amazon", "/api/v1/investigations/" + investigationId));
        assertNotFound(api.post("ipr-center", path(investigationId, "evidence"), "{\"shareIds\":[\"s\"]}"));
        assertNotFound(api.post("ipr-center", path(investigationId, "outcome"), "{\"outcome\":\"NO_ACTION\"}"));
        assertNotFound(api.post("ipr-center", path(investigationId, "closure"), "{}"));
        assertThat(listedIds("ipr-center")).doesNotContain(investigationId);
        assertThat(steps.storedEvents()).isEqualTo(before);
        assertThat(listedIds("auditor")).contains(investigationId);
    }

    @Test
    void everyEndpointNeedsAToken() {
        String id = "00000000-0000-0000-0000-000000000000";
        assertThat(api.post(null, "/api/v1/investigations", "{\"title\":\"t\"}").status())
                .isEqualTo(401);
        for (String action : List.of("evidence", "outcome", "closure")) {
            assertThat(api.post(null, path(id, action), "{}").status())
                    .as(action)
                    .isEqualTo(401);
        }
        assertThat(api.get(null, "/api/v1/investigations").status()).isEqualTo(401);
        assertThat(api.get(null, "/api/v1/investigations/" + id).status()).isEqualTo(401);
    }

    @Test
    void everyEndpointNeedsItsScope() {
        String investigationId = steps.openInvestigation("ipr-center");
        long before = steps.storedEvents();

        assertForbidden(api.post("amazon", "/api/v1/investigations", "{\"title\":\"mine\"}"), "investigations:write");
        assertForbidden(
                api.post("auditor", path(investigationId, "evidence"), "{\"shareIds\":[\"s\"]}"),
                "investigations:write");
        assertForbidden(
                api.post("dhl", path(investigationId, "outcome"), "{\"outcome\":\"NO_ACTION\"}"),
                "investigations:write");
        assertForbidden(api.post("auditor", path(investigationId, "closure"), "{}"), "investigations:write");
        assertForbidden(api.get("cbp", "/api/v1/investigations"), "investigations:read");
        assertForbidden(api.get("cbp", "/api/v1/investigations/" + investigationId), "investigations:read");
        assertThat(steps.storedEvents()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedPreciselyAndNothingIsStored() {
        String investigationId = steps.openInvestigation("ipr-center");
        long before = steps.storedEvents();

        assertProblem(api.post("ipr-center", "/api/v1/investigations", "{\"title\":"), 400, "malformed JSON");
        assertProblem(
                api.post("ipr-center", "/api/v1/investigations", "{\"title\":\"t\",\"lead\":\"cbp\"}"),
                400,
                "unknown field 'lead'");
        assertProblem(api.post("ipr-center", "/api/v1/investigations", "{\"subjects\":[]}"), 422, "title");
        assertProblem(
                api.post("ipr-center", "/api/v1/investigations", "{\"title\":\"t\",\"subjects\":\"A3KX9Q1L0PZ\"}"),
                400,
                "'subjects'");
        assertProblem(
                api.post("ipr-center", "/api/v1/investigations", "{\"title\":\"" + "x".repeat(301) + "\"}"),
                422,
                "title");
        assertProblem(api.post("ipr-center", path(investigationId, "evidence"), "{\"shareIds\":[1]}"), 400, "shareIds");
        assertProblem(
                api.post("ipr-center", path(investigationId, "outcome"), "{\"outcome\":\"JAIL\"}"), 400, "outcome");
        assertProblem(api.post("ipr-center", path(investigationId, "outcome"), "{}"), 422, "outcome");
        assertProblem(api.get("ipr-center", "/api/v1/investigations?status=PENDING"), 400, "status");
        assertThat(steps.storedEvents()).isEqualTo(before);
    }

    private List<String> listedIds(String reader) {
        Response list = api.get(reader, "/api/v1/investigations?limit=1000");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("investigations").findValuesAsText("investigationId");
    }

    private static void assertNotFound(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:interdict:problem:not-found");
    }

    private static void assertForbidden(Response response, String scope) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("detail").asText()).contains(scope);
    }

    private static void assertProblem(Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detail);
    }
}
