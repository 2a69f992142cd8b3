package io.interdict.gateway.inspection;

import static io.interdict.gateway.support.LifecycleSteps.READ_MODEL;
import static io.interdict.gateway.support.LifecycleSteps.inspection;
import static io.interdict.gateway.support.LifecycleSteps.share;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.domain.common.PartnerKind;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.ApiClient.Response;
import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.LifecycleSteps;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 5, inspections: the lifecycle of PRODUCT.md §2 over HTTP, who sees a request (§3: the
 * requester, every border authority, the carrier, auditors — anyone else gets 404), scopes (§1) and
 * bad input (§7).
 */
class InspectionApiIT extends GatewayIntegrationTest {

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

    String path(String inspectionId, String action) {
        return "/api/v1/inspections/" + inspectionId + "/" + action;
    }

    JsonNode awaitView(String reader, String inspectionId, String status) {
        return await().atMost(READ_MODEL)
                .until(
                        () -> api.get(reader, "/api/v1/inspections/" + inspectionId),
                        r -> r.status() == 200
                                && r.json().get("status").asText().equals(status))
                .json();
    }

    @Test
    void anInvestigatorRequestsTheCarrierHoldsAndTheBorderAuthoritySeizes() {
        String shareId = steps.pushShare("amazon", share("TLP:GREEN", "[]"), "ipr-center");

        Response requested = api.post("ipr-center", "/api/v1/inspections", inspection("dhl", "[\"" + shareId + "\"]"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        JsonNode record = requested.json();
        String inspectionId = record.get("aggregateId").asText();
        assertThat(requested.header("Location")).isEqualTo("/api/v1/inspections/" + inspectionId);
        assertThat(record.get("recordType").asText()).isEqualTo("InspectionRequested");
        assertThat(record.get("partner").asText()).isEqualTo("ipr-center");
        assertThat(record.get("gatewaySignature").asText()).isNotBlank();
        assertThat(record.get("payload").get("carrier").asText()).isEqualTo("dhl");
        assertThat(record.get("payload").get("linkedShares").get(0).asText()).isEqualTo(shareId);

        // The carrier sees the request on its shipment and holds it; a marketplace cannot.
        awaitView("dhl", inspectionId, "REQUESTED");
        assertThat(api.post("amazon", path(inspectionId, "acknowledgement"), "{}")
                        .status())
                .isEqualTo(403);
        Response acknowledged =
                api.post("dhl", path(inspectionId, "acknowledgement"), "{\"note\":\"held at the hub\"}");
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(acknowledged.json().get("recordType").asText()).isEqualTo("InspectionAcknowledged");
        assertThat(acknowledged.json().get("partner").asText()).isEqualTo("dhl");
        assertThat(api.post("dhl", path(inspectionId, "acknowledgement"), "{}").status())
                .isEqualTo(409);

        // A carrier holding inspections:execute still never schedules or completes (PRODUCT.md §1).
        Response carrierSchedules =
                api.post("dhl", path(inspectionId, "schedule"), "{\"scheduledFor\":\"2026-12-01T08:00:00Z\"}");
        assertThat(carrierSchedules.status()).as(carrierSchedules.body()).isEqualTo(403);
        assertThat(carrierSchedules.json().get("detail").asText()).contains("border authority");

        Response scheduled = api.post(
                "cbp",
                path(inspectionId, "schedule"),
                "{\"scheduledFor\":\"2026-12-01T08:00:00Z\",\"location\":\"LAX cargo terminal 4\"}");
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        assertThat(scheduled.json().get("recordType").asText()).isEqualTo("InspectionScheduled");
        Response completed =
                api.post("cbp", path(inspectionId, "completion"), "{\"result\":\"SEIZED\",\"findings\":\"412 pairs\"}");
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(completed.json().get("recordType").asText()).isEqualTo("InspectionCompleted");
        assertThat(completed.json().get("payload").get("result").asText()).isEqualTo("SEIZED");

        // A finished request accepts no further change.
        Response again = api.post("cbp", path(inspectionId, "schedule"), "{\"scheduledFor\":\"2026-12-02T08:00:00Z\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("is completed");
        assertThat(api.post("cbp", path(inspectionId, "completion"), "{\"result\":\"RELEASED\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post("ipr-center", path(inspectionId, "cancellation"), "{\"reason\":\"too late\"}")
                        .status())
                .isEqualTo(409);

        JsonNode view = awaitView("ipr-center", inspectionId, "COMPLETED");
        assertThat(view.get("requester").asText()).isEqualTo("ipr-center");
        assertThat(view.get("carrier").asText()).isEqualTo("dhl");
        assertThat(view.get("portOfEntry").asText()).isEqualTo("USLAX");
        assertThat(view.get("priority").asText()).isEqualTo("HIGH");
        assertThat(view.get("result").asText()).isEqualTo("SEIZED");
        assertThat(view.get("location").asText()).isEqualTo("LAX cargo terminal 4");
        assertThat(view.get("linkedShares").get(0).asText()).isEqualTo(shareId);
        assertThat(view.get("shipment").get("airWaybill").asText()).isEqualTo("176-12345675");
        assertThat(view.has("acknowledgedAt")).isTrue();
        assertThat(view.has("completedAt")).isTrue();
        assertThat(view.get("records").findValuesAsText("recordType"))
                .containsExactly(
                        "InspectionRequested", "InspectionAcknowledged", "InspectionScheduled", "InspectionCompleted");
        // A read reports leafIndex once the record is in the Merkle log; a write's answer does not.
        assertThat(withoutLeafIndex(view.get("records").get(0))).isEqualTo(record);
        assertThat(withoutLeafIndex(view.get("records").get(3))).isEqualTo(completed.json());

        // Everyone PRODUCT.md §3 names sees it.
        for (String reader : List.of("dhl", "cbp", "auditor")) {
            Response read = api.get(reader, "/api/v1/inspections/" + inspectionId);
            assertThat(read.status()).as(reader).isEqualTo(200);
            assertThat(read.json().get("records")).hasSize(4);
        }
        assertThat(listedIds("ipr-center", "?status=COMPLETED&port=USLAX")).contains(inspectionId);
        assertThat(listedIds("dhl", "?status=completed")).contains(inspectionId);
        assertThat(listedIds("auditor", "")).contains(inspectionId);
        assertThat(listedIds("cbp", "?status=REQUESTED")).doesNotContain(inspectionId);
        assertThat(listedIds("cbp", "?port=NLRTM")).doesNotContain(inspectionId);
    }

    @Test
    void theRequesterOrABorderAuthorityCancelsAndNothingFollows() {
        String inspectionId = steps.requestInspection("ipr-center", inspection("dhl", "[]"));

        Response cancelled =
                api.post("ipr-center", path(inspectionId, "cancellation"), "{\"reason\":\"shipment rerouted\"}");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("recordType").asText()).isEqualTo("InspectionCancelled");
        assertThat(api.post("dhl", path(inspectionId, "acknowledgement"), "").status())
                .isEqualTo(409);
        awaitView("dhl", inspectionId, "CANCELLED");

        String byBorder = steps.requestInspection("ipr-center", inspection("dhl", "[]"));
        assertThat(api.post("cbp", path(byBorder, "cancellation"), "{\"reason\":\"duplicate\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void partnerOutsideTheRequestGetsNotFoundOnEveryEndpoint() {
        // Requested by another border authority for a carrier other than dhl: ipr-center and dhl are outsiders.
        String inspectionId = steps.requestInspectionOutsideTheDemo("other-border-agency", "other-carrier");
        long before = steps.storedEvents();

        assertNotFound(api.get("ipr-center", "/api/v1/inspections/" + inspectionId));
        assertNotFound(api.get("dhl", "/api/v1/inspections/" + inspectionId));
        assertNotFound(api.post("ipr-center", path(inspectionId, "cancellation"), "{\"reason\":\"mine now\"}"));
        assertNotFound(api.post("dhl", path(inspectionId, "acknowledgement"), "{}"));
        assertNotFound(api.post("dhl", path(inspectionId, "schedule"), "{\"scheduledFor\":\"2026-12-01T08:00:00Z\"}"));
        assertNotFound(api.post("dhl", path(inspectionId, "completion"), "{\"result\":\"RELEASED\"}"));
        assertThat(listedIds("ipr-center", "")).doesNotContain(inspectionId);
        assertThat(listedIds("dhl", "")).doesNotContain(inspectionId);
        assertThat(steps.storedEvents()).isEqualTo(before);

        // The same request is there for every border authority and the auditor.
        assertThat(api.get("cbp", "/api/v1/inspections/" + inspectionId).status())
                .isEqualTo(200);
        assertThat(listedIds("auditor", "")).contains(inspectionId);
    }

    @Test
    void everyEndpointNeedsAToken() {
        String id = "00000000-0000-0000-0000-000000000000";
        assertThat(api.post(null, "/api/v1/inspections", inspection("dhl", "[]"))
                        .status())
                .isEqualTo(401);
        for (String action : List.of("acknowledgement", "schedule", "completion", "cancellation")) {
            assertThat(api.post(null, path(id, action), "{}").status())
                    .as(action)
                    .isEqualTo(401);
        }
        assertThat(api.get(null, "/api/v1/inspections").status()).isEqualTo(401);
        assertThat(api.get(null, "/api/v1/inspections/" + id).status()).isEqualTo(401);
    }

    @Test
    void everyEndpointNeedsItsScope() {
        String inspectionId = steps.requestInspection("ipr-center", inspection("dhl", "[]"));
        long before = steps.storedEvents();

        // amazon holds none of the inspection scopes; dhl may execute but not request.
        assertForbidden(api.post("amazon", "/api/v1/inspections", inspection("dhl", "[]")), "inspections:request");
        assertForbidden(api.post("dhl", "/api/v1/inspections", inspection("dhl", "[]")), "inspections:request");
        assertForbidden(
                api.post("dhl", path(inspectionId, "cancellation"), "{\"reason\":\"x\"}"), "inspections:request");
        assertForbidden(api.post("ipr-center", path(inspectionId, "acknowledgement"), "{}"), "inspections:execute");
        assertForbidden(
                api.post("ipr-center", path(inspectionId, "schedule"), "{\"scheduledFor\":\"2026-12-01T08:00:00Z\"}"),
                "inspections:execute");
        assertForbidden(
                api.post("ipr-center", path(inspectionId, "completion"), "{\"result\":\"SEIZED\"}"),
                "inspections:execute");
        assertForbidden(api.get("amazon", "/api/v1/inspections"), "audit:read");
        assertForbidden(api.get("amazon", "/api/v1/inspections/" + inspectionId), "audit:read");
        assertThat(steps.storedEvents()).isEqualTo(before);
    }

    @Test
    void linkedSharesMustExistAndBeVisibleToTheRequester() {
        // TLP:AMBER with no audience: only amazon sees it.
        String privateShare = steps.pushShare("amazon", share("TLP:AMBER", "[]"), null);
        long before = steps.storedEvents();

        Response refused =
                api.post("ipr-center", "/api/v1/inspections", inspection("dhl", "[\"" + privateShare + "\"]"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText())
                .contains("linkedShares")
                .contains(privateShare)
                .contains("does not exist or is not visible to you");
        Response unknown = api.post("ipr-center", "/api/v1/inspections", inspection("dhl", "[\"no-such-share\"]"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asText()).contains("no-such-share");
        assertThat(steps.storedEvents()).isEqualTo(before);
    }

    @Test
    void anAmberShareTheCarrierCannotSeeIsRefusedNamingTheCarrierAndNothingIsStored() {
        String shareId = steps.pushShare("amazon", share("TLP:AMBER", "[\"ipr-center\",\"cbp\"]"), "ipr-center");
        long before = steps.storedEvents();

        Response refused = api.post("ipr-center", "/api/v1/inspections", inspection("dhl", "[\"" + shareId + "\"]"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:interdict:problem:linked-share-not-shared");
        assertThat(refused.json().get("detail").asText())
                .contains("share " + shareId + " is not visible to dhl (the carrier of the shipment)")
                .contains("ask the share's provider (amazon) to add dhl to its audience, or leave the share out");
        assertThat(steps.storedEvents()).isEqualTo(before);
    }

    @Test
    void aShareSomeBorderAuthorityCannotSeeIsRefusedEvenWhileThatAuthorityIsSuspended() {
        // Sorts before every other border authority, so it is the first one found wanting.
        String border = steps.enrol("a-border", PartnerKind.BORDER_AUTHORITY, "[]");
        steps.suspend(border);
        // dhl's own share: the carrier sees it, ipr-center and cbp are in the audience, the new authority is not.
        String shareId = steps.pushShare("dhl", share("TLP:AMBER", "[\"ipr-center\",\"cbp\"]"), "ipr-center");
        long before = steps.storedEvents();

        Response refused = api.post("ipr-center", "/api/v1/inspections", inspection("dhl", "[\"" + shareId + "\"]"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:interdict:problem:linked-share-not-shared");
        assertThat(refused.json().get("detail").asText())
                .contains("share " + shareId + " is not visible to " + border + " (a border authority)")
                .contains("ask the share's provider (dhl) to add " + border + " to its audience");
        assertThat(steps.storedEvents()).isEqualTo(before);
    }

    @Test
    void greenAndClearSharesLinkWhoeverWillSeeTheRequest() {
        String green = steps.pushShare("amazon", share("TLP:GREEN", "[]"), "ipr-center");
        String clear = steps.pushShare("dhl", share("TLP:CLEAR", "[]"), "ipr-center");

        Response requested = api.post(
                "ipr-center", "/api/v1/inspections", inspection("dhl", "[\"" + green + "\",\"" + clear + "\"]"));

        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(requested.json().get("payload").get("linkedShares").toString())
                .isEqualTo("[\"" + green + "\",\"" + clear + "\"]");
    }

    @Test
    void anAmberShareWhoseAudienceHoldsTheCarrierAndEveryBorderAuthorityLinks() {
        String carrier = steps.enrol("carrier", PartnerKind.SIGNAL_PROVIDER, "[\"CARRIER\"]");
        steps.signAgreement("amazon", carrier);
        List<String> audience = new ArrayList<>(List.of("ipr-center", carrier));
        for (String border : steps.borderAuthorities()) {
            if (!border.equals("cbp")) {
                steps.signAgreement("amazon", border);
            }
            audience.add(border);
        }
        String shareId = steps.pushShare(
                "amazon",
                share("TLP:AMBER", ApiClient.JSON.valueToTree(audience).toString()),
                "ipr-center");

        Response requested = api.post("cbp", "/api/v1/inspections", inspection(carrier, "[\"" + shareId + "\"]"));

        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(requested.json().get("payload").get("linkedShares").get(0).asText())
                .isEqualTo(shareId);
    }

    @Test
    void theCarrierMustBeAnEnrolledCarrier() {
        long before = steps.storedEvents();

        Response marketplace = api.post("ipr-center", "/api/v1/inspections", inspection("amazon", "[]"));
        Response unknown = api.post("ipr-center", "/api/v1/inspections", inspection("no-such-carrier", "[]"));

        assertThat(marketplace.status()).isEqualTo(422);
        assertThat(marketplace.json().get("detail").asText())
                .contains("CARRIER")
                .contains("amazon");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asText()).contains("no-such-carrier");
        assertThat(steps.storedEvents()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedPreciselyAndNothingIsStored() {
        String valid = inspection("dhl", "[]");
        long before = steps.storedEvents();

        assertProblem(api.post("ipr-center", "/api/v1/inspections", "{\"carrier\":"), 400, "malformed JSON");
        assertProblem(api.post("ipr-center", "/api/v1/inspections", "[]"), 400, "JSON object");
        assertProblem(
                api.post(
                        "ipr-center",
                        "/api/v1/inspections",
                        valid.replace("{\"carrier\"", "{\"colour\":1,\"carrier\"")),
                400,
                "unknown field 'colour'");
        assertProblem(
                api.post("ipr-center", "/api/v1/inspections", valid.replace("\"carrier\":\"dhl\",", "")),
                422,
                "carrier");
        assertProblem(api.post("ipr-center", "/api/v1/inspections", valid.replace("\"HIGH\"", "3")), 400, "'priority'");
        assertProblem(
                api.post("ipr-center", "/api/v1/inspections", valid.replace("\"HIGH\"", "\"SOON\"")),
                400,
                "'priority'");
        assertProblem(
                api.post(
                        "ipr-center",
                        "/api/v1/inspections",
                        valid.replace(
                                "\"reason\":\"counterfeit footwear reported by the marketplace\"", "\"reason\":7")),
                400,
                "'reason'");
        assertProblem(
                api.post(
                        "ipr-center",
                        "/api/v1/inspections",
                        valid.replace("\"linkedShares\":[]", "\"linkedShares\":\"x\"")),
                400,
                "'linkedShares'");
        assertProblem(
                api.post(
                        "ipr-center",
                        "/api/v1/inspections",
                        valid.replace("counterfeit footwear reported by the marketplace", "x".repeat(2001))),
                422,
                "reason");
        assertProblem(
                api.post(
                        "ipr-center",
                        "/api/v1/inspections",
                        valid.replace(
                                "\"trackingNumber\":\"JD014600006281234567\",\"airWaybill\":\"176-12345675\"", "")),
                422,
                "tracking number, an air waybill or a container number");
        String inspectionId = steps.requestInspection("ipr-center", valid);
        long afterOne = steps.storedEvents();
        assertThat(afterOne).isEqualTo(before + 1);
        assertProblem(
                api.post("cbp", path(inspectionId, "schedule"), "{\"scheduledFor\":\"tomorrow\"}"),
                400,
                "scheduledFor");
        assertProblem(api.post("cbp", path(inspectionId, "schedule"), "{}"), 422, "scheduledFor");
        assertProblem(api.post("cbp", path(inspectionId, "completion"), "{\"result\":\"BURNED\"}"), 400, "result");
        assertProblem(api.post("cbp", path(inspectionId, "cancellation"), "{\"reason\":\" \"}"), 422, "reason");
        assertProblem(api.get("cbp", "/api/v1/inspections?limit=0"), 400, "limit");
        assertProblem(api.get("cbp", "/api/v1/inspections?limit=1001"), 400, "limit");
        assertProblem(api.get("cbp", "/api/v1/inspections?cursor=bm90LWEtY3Vyc29y"), 400, "cursor");
        assertProblem(api.get("cbp", "/api/v1/inspections?status=LOST"), 400, "status");
        assertThat(steps.storedEvents()).isEqualTo(afterOne);
    }

    @Test
    void pagesWalkEveryVisibleInspectionOnceNewestFirst() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(steps.requestInspection("ipr-center", inspection("dhl", "[]")));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Response page =
                    api.get("ipr-center", "/api/v1/inspections?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().get("inspections").size()).isLessThanOrEqualTo(2);
            page.json()
                    .get("inspections")
                    .forEach(item -> seen.add(item.get("inspectionId").asText()));
            cursor = page.json().get("next").isNull()
                    ? null
                    : page.json().get("next").asText();
        } while (cursor != null);

        assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
        assertThat(seen).containsSubsequence(mine.get(2), mine.get(1), mine.get(0));
    }

    private List<String> listedIds(String reader, String query) {
        Response list = api.get(reader, "/api/v1/inspections" + query + (query.isEmpty() ? "?" : "&") + "limit=1000");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("inspections").findValuesAsText("inspectionId");
    }

    private static void assertNotFound(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:interdict:problem:not-found");
        assertThat(response.json().get("detail").asText()).contains("does not exist or is not visible to you");
    }

    private static void assertForbidden(Response response, String scope) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:interdict:problem:insufficient-scope");
        assertThat(response.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"");
        assertThat(response.json().get("detail").asText()).contains(scope);
    }

    private static void assertProblem(Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detail);
    }

    private static JsonNode withoutLeafIndex(JsonNode record) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = record.deepCopy();
        copy.remove("leafIndex");
        return copy;
    }
}
