package io.interdict.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.domain.common.Actor;
import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import io.interdict.domain.partner.ReinstatePartner;
import io.interdict.domain.partner.SuspendPartner;
import io.interdict.domain.share.AmendIntelligenceShare;
import io.interdict.domain.share.ShareContent;
import io.interdict.domain.share.ShareSubject;
import io.interdict.gateway.audit.query.AuditRecords;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.security.ForgedTokens;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.ApiClient.Response;
import io.interdict.gateway.support.GatewayIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auditor API end to end (PRODUCT.md §3, §6): who could see a share and who did, replayed from
 * events as of chosen instants; every version with the state as of an instant; the whole history in
 * log order; and only auditors may ask.
 */
class AuditorApiIT extends GatewayIntegrationTest {

    private static final Actor OPERATOR = Actor.of("operator", PartnerKind.OPERATOR);

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    PartnerRegistry registry;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditRecords records;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    static String amberShareForCbp(String seller) {
        return "{\"kind\":\"COUNTERFEIT_PRODUCT\",\"marking\":\"TLP:AMBER\",\"audience\":[\"cbp\"],"
                + "\"subject\":{\"sellerAccount\":\"" + seller + "\"},\"indicators\":[\"logo mismatch\"],"
                + "\"confidence\":80}";
    }

    JsonNode push(String seller) {
        Response pushed = api.post("amazon", "/api/v1/shares", amberShareForCbp(seller));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        return pushed.json();
    }

    Response auditor(String path) {
        Response response = api.get("auditor", path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response;
    }

    /** partner id → its entry, of a visibility answer. */
    static Map<String, JsonNode> byPartner(JsonNode visibility) {
        Map<String, JsonNode> partners = new LinkedHashMap<>();
        visibility
                .get("partners")
                .forEach(entry -> partners.put(entry.get("partner").asText(), entry));
        return partners;
    }

    @Test
    void theAuditorSeesWhoCouldAndWhoDidSeeAShareAsOfAnyInstant() {
        JsonNode record = push("AUDIT-" + UUID.randomUUID());
        String shareId = record.get("aggregateId").asText();
        String recordId = record.get("recordId").asText();
        Instant recordedAt = Instant.parse(record.get("recordedAt").asText());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("cbp", "/api/v1/shares/" + shareId).status() == 200);

        // Who did see it: cbp, through GET /shares/{id}, logged with the access record's id.
        JsonNode access = auditor("/api/v1/audit/access?record=" + recordId).json();
        assertThat(access.get("aggregateId").asText()).isEqualTo(shareId);
        List<JsonNode> reads = list(access.get("reads"));
        JsonNode cbpRead = reads.stream()
                .filter(read -> read.get("reader").asText().equals("cbp"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no read by cbp in " + access));
        assertThat(cbpRead.get("request").asText()).isEqualTo("GET /api/v1/shares/" + shareId);
        assertThat(cbpRead.get("recordId").asText()).isEqualTo(recordId);
        assertThat(Instant.parse(cbpRead.get("readAt").asText())).isAfterOrEqualTo(recordedAt);
        assertThat(cbpRead.get("accessRecordId").asText()).isNotBlank().isNotEqualTo(recordId);
        assertThat(cbpRead.get("access").asText()).isEqualTo("READ");
        // Its author holds it from the instant it was recorded: the push was answered with it.
        JsonNode authored = reads.get(0);
        assertThat(authored.get("reader").asText()).isEqualTo("amazon");
        assertThat(authored.get("access").asText()).isEqualTo("AUTHOR");
        assertThat(authored.get("accessRecordId").asText()).isEqualTo(recordId);
        assertThat(authored.get("recordId").asText()).isEqualTo(recordId);
        assertThat(Instant.parse(authored.get("readAt").asText())).isEqualTo(recordedAt);
        assertThat(authored.get("request").asText()).isEqualTo("recorded IntelligenceShared");
        assertThat(reads.stream().filter(read -> read.get("access").asText().equals("AUTHOR")))
                .hasSize(1);
        assertThat(reads).extracting(read -> read.get("reader").asText()).doesNotContain("dhl", "ipr-center");
        assertThat(reads)
                .extracting(read -> Instant.parse(read.get("readAt").asText()))
                .isSorted();

        // Before the push the record did not exist: nobody could see it.
        JsonNode before = auditor("/api/v1/audit/visibility?record=" + recordId + "&asOf=" + recordedAt.minusMillis(1))
                .json();
        assertThat(before.get("existed").asBoolean()).isFalse();
        assertThat(before.get("partners")).isEmpty();

        // From the instant it was recorded: provider, audience and auditors; nobody else.
        JsonNode then = auditor("/api/v1/audit/visibility?record=" + recordId + "&asOf=" + recordedAt)
                .json();
        assertThat(then.get("existed").asBoolean()).isTrue();
        assertThat(then.get("recordType").asText()).isEqualTo("IntelligenceShared");
        Map<String, JsonNode> partners = byPartner(then);
        assertVisible(partners.get("amazon"), "PROVIDER");
        assertVisible(partners.get("cbp"), "AUDIENCE");
        assertVisible(partners.get("auditor"), "AUDITOR");
        assertNotVisible(partners.get("dhl"));
        assertNotVisible(partners.get("ipr-center"));
        assertThat(partners.get("cbp").get("kind").asText()).isEqualTo("BORDER_AUTHORITY");

        // The operator suspends cbp: as of then, cbp could not see it; the past is not rewritten.
        commands.sendAndWait(new SuspendPartner("cbp", "audit test: suspended for a moment", OPERATOR));
        Instant suspendedAt;
        try {
            List<JsonNode> cbpHistory =
                    list(auditor("/api/v1/audit/records/cbp/history").json().get("versions"));
            JsonNode suspension = cbpHistory.get(cbpHistory.size() - 1);
            assertThat(suspension.get("recordType").asText()).isEqualTo("PartnerSuspended");
            suspendedAt = Instant.parse(suspension.get("recordedAt").asText());
        } finally {
            commands.sendAndWait(new ReinstatePartner("cbp", "audit test: suspension over", OPERATOR));
        }
        JsonNode whileSuspended = byPartner(
                        auditor("/api/v1/audit/visibility?record=" + recordId + "&asOf=" + suspendedAt)
                                .json())
                .get("cbp");
        assertThat(whileSuspended.get("visible").asBoolean()).isFalse();
        assertThat(whileSuspended.get("suspended").asBoolean()).isTrue();
        assertThat(whileSuspended.get("reason").asText()).contains("suspended");
        assertVisible(
                byPartner(auditor("/api/v1/audit/visibility?record=" + recordId + "&asOf=" + recordedAt)
                                .json())
                        .get("cbp"),
                "AUDIENCE");
        assertVisible(
                byPartner(auditor("/api/v1/audit/visibility?record=" + shareId + "&asOf=" + Instant.now())
                                .json())
                        .get("cbp"),
                "AUDIENCE");
    }

    @Test
    void theHistoryKeepsEveryVersionAndShowsTheStateAsOfAnInstant() {
        JsonNode first = push("AMENDED-" + UUID.randomUUID());
        String shareId = first.get("aggregateId").asText();
        Instant firstAt = Instant.parse(first.get("recordedAt").asText());
        Actor amazon = registry.find("amazon").orElseThrow().actor();
        commands.sendAndWait(new AmendIntelligenceShare(
                shareId,
                new ShareContent(
                        RecordKind.COUNTERFEIT_PRODUCT,
                        Tlp.AMBER,
                        Set.of("cbp", "ipr-center"),
                        new ShareSubject("AMENDED", null, null, null, null, null, null, null, null),
                        List.of("logo mismatch", "price 80% under list"),
                        95,
                        List.of(),
                        null),
                null,
                null,
                null,
                amazon));

        JsonNode asOfFirst = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> auditor("/api/v1/audit/records/" + shareId + "/history?asOf=" + firstAt)
                                .json(),
                        history -> list(history.get("versions")).stream().allMatch(v -> v.has("leafIndex")));
        List<JsonNode> versions = list(asOfFirst.get("versions"));
        assertThat(versions)
                .extracting(v -> v.get("recordType").asText())
                .containsExactly("IntelligenceShared", "IntelligenceShareAmended");
        assertThat(versions)
                .extracting(v -> v.get("aggregateSequence").asLong())
                .containsExactly(0L, 1L);
        JsonNode firstWithoutLeaf = ((com.fasterxml.jackson.databind.node.ObjectNode)
                        versions.get(0).deepCopy())
                .without("leafIndex");
        assertThat(firstWithoutLeaf).isEqualTo(first);
        JsonNode state = asOfFirst.get("stateAsOf");
        assertThat(state.get("asOf").asText()).isEqualTo(firstAt.toString());
        assertThat(list(state.get("recordIds")))
                .extracting(JsonNode::asText)
                .containsExactly(first.get("recordId").asText());
        assertThat(state.get("share").get("version").asInt()).isEqualTo(1);
        assertThat(state.get("share").get("provider").asText()).isEqualTo("amazon");
        assertThat(state.get("share").get("marking").asText()).isEqualTo("TLP:AMBER");
        assertThat(list(state.get("share").get("audience")))
                .extracting(JsonNode::asText)
                .containsExactly("cbp");
        assertThat(state.get("share").get("withdrawn").asBoolean()).isFalse();

        JsonNode now =
                auditor("/api/v1/audit/records/" + shareId + "/history").json().get("stateAsOf");
        assertThat(now.get("share").get("version").asInt()).isEqualTo(2);
        assertThat(list(now.get("share").get("audience")))
                .extracting(JsonNode::asText)
                .containsExactly("cbp", "ipr-center");
        assertThat(now.get("recordIds")).hasSize(2);

        JsonNode beforeAll = auditor("/api/v1/audit/records/" + shareId + "/history?asOf=" + firstAt.minusMillis(1))
                .json()
                .get("stateAsOf");
        assertThat(beforeAll.get("recordIds")).isEmpty();
        assertThat(beforeAll.has("share")).isFalse();

        // The auditor's own read of the history is in the access log too.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(list(auditor("/api/v1/audit/access?record=" + shareId)
                                .json()
                                .get("reads")))
                        .anySatisfy(read -> {
                            assertThat(read.get("reader").asText()).isEqualTo("auditor");
                            assertThat(read.get("request").asText())
                                    .startsWith("GET /api/v1/audit/records/" + shareId + "/history");
                        }));
    }

    @Test
    void theWholeHistoryPagesInLogOrderWithoutGapsAcrossPages() {
        JsonNode pushed = push("PAGED-" + UUID.randomUUID());
        String recordId = pushed.get("recordId").asText();
        long target = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc
                                .queryForList(
                                        "select leaf_index from merkle_leaf where event_identifier = ?",
                                        Long.class,
                                        recordId)
                                .stream()
                                .findFirst()
                                .orElse(-1L),
                        leaf -> leaf >= 0);

        // Reading the history adds to it (each page is an access record), so stop at a size chosen first.
        List<JsonNode> records = new ArrayList<>();
        Set<String> pageStarts = new HashSet<>();
        String cursor = null;
        while (records.isEmpty()
                || records.get(records.size() - 1).get("leafIndex").asLong() < target) {
            JsonNode page = auditor("/api/v1/audit/events?limit=7" + (cursor == null ? "" : "&after=" + cursor))
                    .json();
            List<JsonNode> batch = list(page.get("records"));
            assertThat(batch).isNotEmpty();
            pageStarts.add(batch.get(0).get("recordId").asText());
            records.addAll(batch);
            cursor = page.get("next").asText();
        }

        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).get("leafIndex").asLong()).isEqualTo(i);
            assertThat(records.get(i).get("gatewaySignature").asText()).isNotBlank();
        }
        assertThat(pageStarts).hasSizeGreaterThan(1);
        Set<String> types = new HashSet<>();
        records.forEach(r -> types.add(r.get("recordType").asText()));
        assertThat(types).contains("PartnerEnrolled", "SharingAgreementSigned", "IntelligenceShared");
        assertThat(records)
                .extracting(r -> r.get("recordId").asText())
                .contains(recordId)
                .doesNotHaveDuplicates();

        // Each page handed out is itself an access record of the auditor.
        String firstRecord = records.get(0).get("recordId").asText();
        assertThat(list(auditor("/api/v1/audit/access?record=" + firstRecord)
                        .json()
                        .get("reads")))
                .anySatisfy(read -> {
                    assertThat(read.get("reader").asText()).isEqualTo("auditor");
                    assertThat(read.get("request").asText()).startsWith("GET /api/v1/audit/events");
                });
    }

    @Test
    void onlyAnAuthenticatedAuditorWithTheScopeMayAsk() {
        String notAnAuditor = ForgedTokens.forPartner(context, "cbp", "audit:read", "shares:read");
        for (String path : List.of(
                "/api/v1/audit/events",
                "/api/v1/audit/records/amazon/history",
                "/api/v1/audit/access?record=amazon",
                "/api/v1/audit/visibility?record=amazon&asOf=2026-11-30T00:00:00Z")) {
            assertThat(api.get(null, path).status()).as(path).isEqualTo(401);
            assertThat(api.get("amazon", path).status()).as(path).isEqualTo(403);
            Response forged = api.getWithToken(notAnAuditor, path);
            assertThat(forged.status()).as(path).isEqualTo(403);
            assertThat(forged.json().get("detail").asText()).contains("auditors only");
            assertThat(api.get("auditor", path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void badParametersAreRefusedPreciselyAndUnknownRecordsAreNotFound() {
        assertBadRequest("/api/v1/audit/events?after=not-a-cursor", "after: not a cursor");
        assertBadRequest("/api/v1/audit/events?limit=0", "limit: expected an integer from 1 to 1000");
        assertBadRequest("/api/v1/audit/events?limit=1001", "limit: expected an integer from 1 to 1000");
        assertBadRequest("/api/v1/audit/events?limit=many", "limit");
        assertBadRequest("/api/v1/audit/records/amazon/history?asOf=yesterday", "asOf: expected an ISO-8601 instant");
        assertBadRequest("/api/v1/audit/access", "record: expected a record or aggregate id");
        assertBadRequest("/api/v1/audit/visibility?asOf=2026-11-30T00:00:00Z", "record:");
        assertBadRequest("/api/v1/audit/visibility?record=amazon", "asOf:");
        assertBadRequest("/api/v1/audit/visibility?record=amazon&asOf=30.11.2026", "asOf:");

        String unknown = UUID.randomUUID().toString();
        for (String path : List.of(
                "/api/v1/audit/records/" + unknown + "/history",
                "/api/v1/audit/access?record=" + unknown,
                "/api/v1/audit/visibility?record=" + unknown + "&asOf=2026-11-30T00:00:00Z")) {
            Response missing = api.get("auditor", path);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void theHistoryPagesByGlobalIndexAsTheContractWritesItSettledRecordsOnly() {
        String recordId = push("GLOBAL-" + UUID.randomUUID()).get("recordId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !jdbc.queryForList(
                                "select 1 from merkle_leaf where event_identifier = ?", Integer.class, recordId)
                        .isEmpty());

        // With no horizon, every logged record: pages in global order, none skipped or repeated.
        List<String> paged = new ArrayList<>();
        long after = 0;
        while (!paged.contains(recordId)) {
            AuditRecords.GlobalPage page = records.pageByGlobalIndex(after, 7, Duration.ZERO);
            assertThat(page.records()).as("page after " + after).isNotEmpty();
            assertThat(page.next()).isGreaterThan(after);
            page.records().forEach(record -> paged.add(record.recordId()));
            after = page.next();
        }
        assertThat(paged)
                .containsExactlyElementsOf(jdbc.queryForList(
                        "select event_identifier from domain_event_entry where global_index > 0 and global_index <= ?"
                                + " order by global_index",
                        String.class,
                        after));

        // Records logged less than the gap horizon ago are not settled yet: not handed out, next unchanged.
        AuditRecords.GlobalPage unsettled = records.pageByGlobalIndex(0, 1000, Duration.ofHours(1));
        assertThat(unsettled.records()).isEmpty();
        assertThat(unsettled.next()).isZero();

        // Over HTTP: a decimal after is a global index and next is one too (the shared gateway's
        // horizon is 2 minutes, so this page may be empty, but it answers in the same shape).
        JsonNode http = auditor("/api/v1/audit/events?after=0&limit=1000").json();
        assertThat(http.get("next").asText()).matches("0|[1-9][0-9]*");
        assertThat(list(http.get("records")))
                .allSatisfy(record -> assertThat(record.has("leafIndex")).isTrue());
        assertBadRequest("/api/v1/audit/events?after=-1", "after: not a cursor this gateway issued");
        assertBadRequest("/api/v1/audit/events?after=007", "after: not a cursor this gateway issued");
        assertBadRequest(
                "/api/v1/audit/events?after=1234567890123456789012", "after: not a cursor this gateway issued");
    }

    private void assertBadRequest(String path, String detail) {
        Response refused = api.get("auditor", path);
        assertThat(refused.status()).as(path + ": " + refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains(detail);
    }

    private static void assertVisible(JsonNode entry, String rule) {
        assertThat(entry).as("visibility entry").isNotNull();
        assertThat(entry.get("visible").asBoolean()).as(entry.toString()).isTrue();
        assertThat(entry.get("rule").asText()).as(entry.toString()).isEqualTo(rule);
        assertThat(entry.has("reason")).isFalse();
    }

    private static void assertNotVisible(JsonNode entry) {
        assertThat(entry).as("visibility entry").isNotNull();
        assertThat(entry.get("visible").asBoolean()).as(entry.toString()).isFalse();
        assertThat(entry.get("rule").asText()).isEqualTo("NOT_VISIBLE");
        assertThat(entry.get("reason").asText()).isNotBlank();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
