package io.interdict.gateway.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.ApiClient.Response;
import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.Shares;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 5: {@code POST /api/v1/shares/batch}, a status per item like a TAXII 2.1 status resource. */
class ShareBatchIT extends GatewayIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    long sharesStored() {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type like '%.IntelligenceShared'", Long.class);
    }

    Response postSlow(String path, String body, Duration timeout) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + api.token("amazon"))
                    .header("Content-Type", "application/json")
                    .timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
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

    static ObjectNode batch(ObjectNode... shares) {
        ObjectNode batch = ApiClient.JSON.createObjectNode();
        ArrayNode items = batch.putArray("items");
        for (ObjectNode share : shares) {
            items.addObject().set("share", share);
        }
        return batch;
    }

    /**
     * The shares projection handles what is queued for a segment in one transaction
     * ({@code interdict.processors.batch-size}, 100 by default): a batch of 100 shares committed at
     * once reaches the read model in far fewer than 100 transactions (PostgreSQL's {@code xmin} of
     * each row names the transaction that wrote it). With one transaction per event it would be
     * exactly 100.
     */
    @Test
    void aCommittedBatchReachesTheReadModelInFewTransactions() {
        ObjectNode[] shares = new ObjectNode[100];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = Shares.amber();
        }
        Response response =
                api.post("amazon", "/api/v1/shares/batch", batch(shares).toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("success_count").asInt()).isEqualTo(100);
        String[] ids = response.json().get("successes").findValuesAsText("id").toArray(String[]::new);

        String inViewModel = "select count(*) from share_view where share_id = any(?)";
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(inViewModel, Long.class, (Object) ids) == 100);

        Long transactions = jdbc.queryForObject(
                "select count(distinct xmin::text) from share_view where share_id = any(?)", Long.class, (Object) ids);
        assertThat(transactions).isBetween(1L, 50L);
    }

    @Test
    void oneBadItemFailsAloneWithItsReasonAndTheOthersAreStored() {
        ObjectNode uncovered = Shares.body("TLP:AMBER", List.of("dhl"));
        long before = sharesStored();

        Response response = api.post(
                "amazon",
                "/api/v1/shares/batch",
                batch(Shares.amber(), uncovered, Shares.amber()).toString());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.get("status").asText()).isEqualTo("complete");
        assertThat(status.get("total_count").asInt()).isEqualTo(3);
        assertThat(status.get("success_count").asInt()).isEqualTo(2);
        assertThat(status.get("failure_count").asInt()).isEqualTo(1);
        assertThat(status.get("pending_count").asInt()).isZero();
        assertThat(status.get("successes").findValuesAsText("index")).containsExactly("0", "2");
        for (JsonNode success : status.get("successes")) {
            assertThat(success.get("record").get("recordType").asText()).isEqualTo("IntelligenceShared");
            assertThat(success.get("record").get("aggregateId").asText())
                    .isEqualTo(success.get("id").asText());
        }
        JsonNode failure = status.get("failures").get(0);
        assertThat(failure.get("index").asInt()).isEqualTo(1);
        assertThat(failure.get("status").asInt()).isEqualTo(422);
        assertThat(failure.get("type").asText()).isEqualTo("urn:interdict:problem:no-sharing-agreement");
        assertThat(failure.get("detail").asText()).contains("from amazon to dhl");
        assertThat(sharesStored()).isEqualTo(before + 2);
    }

    @Test
    void anItemTheAggregateWouldRefuseFailsAloneAndTheOthersAreStoredEachOnce() {
        // Refused by the share content's own rules (expiry before now), which the batch applies
        // before its transaction as the aggregate would.
        ObjectNode expired = Shares.amber().put("expiresAt", "2020-01-01T00:00:00Z");
        ObjectNode batch = batch(Shares.amber(), expired, Shares.amber());
        ((ObjectNode) batch.get("items").get(0)).put("idempotencyKey", "batch-fallback-" + UUID.randomUUID());
        long before = sharesStored();

        Response response = api.post("amazon", "/api/v1/shares/batch", batch.toString());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.get("successes").findValuesAsText("index")).containsExactly("0", "2");
        JsonNode failure = status.get("failures").get(0);
        assertThat(failure.get("index").asInt()).isEqualTo(1);
        assertThat(failure.get("status").asInt()).isBetween(400, 499);
        assertThat(failure.get("detail").asText()).contains("expiresAt");
        assertThat(sharesStored()).isEqualTo(before + 2);
    }

    @Test
    void anItemThatFailsInsideTheSharedTransactionFailsAloneAndTheOthersAreStoredOnceAndReachTheFeed() {
        // Past every check the batch makes first, refused by the database as its event is inserted:
        // the shared transaction rolls back (leaving unused global indexes behind the items inserted
        // before it) and the items are stored again one by one, each in its own transaction.
        String marker = "REFUSED-INSIDE-" + UUID.randomUUID();
        ObjectNode refused = Shares.amber();
        ((ObjectNode) refused.get("subject")).put("sellerAccount", marker);
        ObjectNode batch = batch(Shares.amber(), Shares.amber(), refused, Shares.amber());
        String key = "batch-inside-" + UUID.randomUUID();
        ((ObjectNode) batch.get("items").get(0)).put("idempotencyKey", key);
        long before = sharesStored();
        jdbc.execute("create function refuse_marked_share() returns trigger language plpgsql as $$ begin"
                + " if convert_from(new.payload, 'UTF8') like '%" + marker + "%' then"
                + " raise exception 'refused by the test'; end if; return new; end; $$");
        jdbc.execute("create trigger refuse_marked_share before insert on domain_event_entry"
                + " for each row execute function refuse_marked_share()");
        Response response;
        try {
            response = api.post("amazon", "/api/v1/shares/batch", batch.toString());
        } finally {
            jdbc.execute("drop trigger refuse_marked_share on domain_event_entry");
            jdbc.execute("drop function refuse_marked_share()");
        }

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.get("successes").findValuesAsText("index")).containsExactly("0", "1", "3");
        JsonNode failure = status.get("failures").get(0);
        assertThat(status.get("failure_count").asInt()).isEqualTo(1);
        assertThat(failure.get("index").asInt()).isEqualTo(2);
        assertThat(failure.get("status").asInt()).isEqualTo(500);
        assertThat(sharesStored()).isEqualTo(before + 3);
        List<String> ids = status.get("successes").findValuesAsText("id");
        for (String id : ids) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, id))
                    .isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(feedOfCbp()).containsAll(ids));
    }

    /** The aggregate ids of every record in cbp's feed, from the start. */
    private List<String> feedOfCbp() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        while (true) {
            Response page = api.get("cbp", "/api/v1/feed?limit=1000" + (cursor == null ? "" : "&after=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode records = page.json().get("records");
            if (records.isEmpty()) {
                return ids;
            }
            records.forEach(record -> ids.add(record.get("aggregateId").asText()));
            cursor = page.json().get("next").asText();
        }
    }

    @Test
    void anItemRepeatingAnEarlierItemsKeyIsAnsweredAsItsRetry() {
        String key = "batch-twice-" + UUID.randomUUID();
        ObjectNode share = Shares.amber();
        ObjectNode batch = ApiClient.JSON.createObjectNode();
        ArrayNode items = batch.putArray("items");
        items.addObject().put("idempotencyKey", key).set("share", share);
        items.addObject().put("idempotencyKey", key).set("share", share);
        items.addObject().put("idempotencyKey", key).set("share", Shares.amber());
        long before = sharesStored();

        JsonNode status =
                api.post("amazon", "/api/v1/shares/batch", batch.toString()).json();

        assertThat(status.get("successes").findValuesAsText("index")).containsExactly("0", "1");
        assertThat(status.get("successes").get(1).get("record"))
                .isEqualTo(status.get("successes").get(0).get("record"));
        JsonNode reused = status.get("failures").get(0);
        assertThat(reused.get("index").asInt()).isEqualTo(2);
        assertThat(reused.get("type").asText()).isEqualTo("urn:interdict:problem:idempotency-key-reused");
        assertThat(sharesStored()).isEqualTo(before + 1);
    }

    @Test
    void theRecordsABatchAnswersAreTheRecordsItStored() {
        JsonNode status = api.post(
                        "amazon",
                        "/api/v1/shares/batch",
                        batch(Shares.amber(), Shares.amber()).toString())
                .json();

        for (JsonNode success : status.get("successes")) {
            Response read = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> api.get(
                                    "cbp", "/api/v1/shares/" + success.get("id").asText()),
                            r -> r.status() == 200);
            ObjectNode stored = (ObjectNode) read.json();
            stored.remove("leafIndex");
            assertThat(success.get("record")).isEqualTo(stored);
        }
    }

    @Test
    void aHundredItemsAreStoredEachWithItsOwnSignedRecord() {
        ObjectNode[] shares = new ObjectNode[100];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = Shares.amber();
        }
        long before = sharesStored();

        Response response =
                api.post("amazon", "/api/v1/shares/batch", batch(shares).toString());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.get("success_count").asInt()).isEqualTo(100);
        assertThat(status.get("successes").findValuesAsText("id")).doesNotHaveDuplicates();
        for (JsonNode success : status.get("successes")) {
            assertThat(success.get("record").get("gatewaySignature").asText()).isNotBlank();
            assertThat(success.get("record").get("aggregateSequence").asInt()).isZero();
        }
        assertThat(sharesStored()).isEqualTo(before + 100);
    }

    @Test
    void anItemThatIsNotAShareFailsWithAReadableReason() {
        ObjectNode batch = batch(Shares.amber());
        ArrayNode items = (ArrayNode) batch.get("items");
        items.addObject().set("share", Shares.amber().put("colour", "red"));
        items.addObject().put("share", "not an object");
        items.add(42);

        Response response = api.post("amazon", "/api/v1/shares/batch", batch.toString());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode failures = response.json().get("failures");
        assertThat(response.json().get("success_count").asInt()).isEqualTo(1);
        assertThat(failures.findValuesAsText("index")).containsExactly("1", "2", "3");
        assertThat(failures.get(0).get("status").asInt()).isEqualTo(400);
        assertThat(failures.get(0).get("detail").asText()).contains("unknown field 'colour'");
        assertThat(failures.get(1).get("status").asInt()).isEqualTo(400);
        assertThat(failures.get(2).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void anItemsIdempotencyKeyMakesItsRetryReturnTheSameShare() {
        ObjectNode share = Shares.amber();
        ObjectNode batch = ApiClient.JSON.createObjectNode();
        batch.putArray("items")
                .addObject()
                .put("idempotencyKey", "batch-" + UUID.randomUUID())
                .set("share", share);

        JsonNode first =
                api.post("amazon", "/api/v1/shares/batch", batch.toString()).json();
        JsonNode retry =
                api.post("amazon", "/api/v1/shares/batch", batch.toString()).json();

        assertThat(first.get("success_count").asInt()).isEqualTo(1);
        assertThat(retry.get("successes").get(0).get("record"))
                .isEqualTo(first.get("successes").get(0).get("record"));
    }

    @Test
    void fiveHundredItemsAreAcceptedInOneCall() {
        ObjectNode[] shares = new ObjectNode[500];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = Shares.amber();
        }
        long before = sharesStored();

        // Generous: on a shared two-core machine 500 pushes can take longer than ApiClient's 30 s, and
        // a request abandoned by the client would go on storing shares under the next test's feet.
        Response response = postSlow("/api/v1/shares/batch", batch(shares).toString(), Duration.ofMinutes(5));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("success_count").asInt()).isEqualTo(500);
        assertThat(response.json().get("failure_count").asInt()).isZero();
        assertThat(sharesStored()).isEqualTo(before + 500);
    }

    @Test
    void moreThanFiveHundredItemsAreRefusedAndNothingIsStored() {
        ObjectNode[] shares = new ObjectNode[501];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = Shares.amber();
        }
        long before = sharesStored();

        Response refused =
                api.post("amazon", "/api/v1/shares/batch", batch(shares).toString());

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText())
                .contains("at most 500")
                .contains("found 501");
        assertThat(sharesStored()).isEqualTo(before);
    }

    @Test
    void theBatchNeedsATokenAndTheWriteScopeAndAnItemsArray() {
        String body = batch(Shares.amber()).toString();
        assertThat(api.post(null, "/api/v1/shares/batch", body).status()).isEqualTo(401);
        assertThat(api.post("auditor", "/api/v1/shares/batch", body).status()).isEqualTo(403);
        assertThat(api.post("ipr-center", "/api/v1/shares/batch", body).status())
                .isEqualTo(403);
        Response unknown = api.post("amazon", "/api/v1/shares/batch", "{\"objects\":[]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("unknown field 'objects'");
        assertThat(api.post("amazon", "/api/v1/shares/batch", "[]").status()).isEqualTo(400);
    }
}
