package io.interdict.gateway.share;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.ApiClient.Response;
import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.Shares;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 5: an Idempotency-Key on every POST — retries, concurrent ones included, get the original answer. */
class ShareIdempotencyIT extends GatewayIntegrationTest {

    static final int THREADS = 8;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    String push(ObjectNode body) {
        Response pushed = api.post("amazon", "/api/v1/shares", body.toString());
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        return pushed.json().get("aggregateId").asText();
    }

    long eventsOf(String aggregateId) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId);
    }

    @Test
    void concurrentIdenticalAmendmentsWithOneKeyStoreOneEventAndAllGetTheSameAnswer() throws Exception {
        ObjectNode body = Shares.amber();
        String shareId = push(body);
        String amendment = body.deepCopy().put("confidence", 99).toString();
        Map<String, String> key = Map.of("Idempotency-Key", "amend-" + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post("amazon", "/api/v1/shares/" + shareId + "/amendments", amendment, key);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }

            Response first = responses.get(0);
            assertThat(first.status()).as(first.body()).isEqualTo(201);
            for (Response response : responses) {
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                assertThat(response.body()).isEqualTo(first.body());
                assertThat(response.header("Location")).isEqualTo(first.header("Location"));
            }
            assertThat(eventsOf(shareId)).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryGetsTheOriginalAnswerAndTheSameKeyWithAnotherBodyIsRefused() {
        String shareId = push(Shares.amber());
        Map<String, String> key = Map.of("Idempotency-Key", "action-" + UUID.randomUUID());
        String path = "/api/v1/shares/" + shareId + "/actions";

        Response original = api.post("amazon", path, "{\"action\":\"LISTING_REMOVED\"}", key);
        Response retry = api.post("amazon", path, "{ \"action\" : \"LISTING_REMOVED\" }", key);
        Response reused = api.post("amazon", path, "{\"action\":\"SELLER_BLOCKED\"}", key);
        Response elsewhere = api.post("amazon", "/api/v1/shares/" + shareId + "/withdrawal", "{\"reason\":\"x\"}", key);

        assertThat(original.status()).as(original.body()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(original.body());
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asText()).isEqualTo("urn:interdict:problem:idempotency-key-reused");
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.json().get("type").asText()).isEqualTo("urn:interdict:problem:idempotency-key-reused");
        assertThat(eventsOf(shareId)).isEqualTo(2);
    }

    @Test
    void aRefusedRequestLeavesNoKeyBehind() {
        String shareId = push(Shares.amber());
        Map<String, String> key = Map.of("Idempotency-Key", "audience-" + UUID.randomUUID());
        String path = "/api/v1/shares/" + shareId + "/audience";

        Response refused = api.post("amazon", path, "{\"recipients\":[\"cbp\"]}", key);
        assertThat(refused.status()).isEqualTo(422);

        Long rows = jdbc.queryForObject(
                "select count(*) from idempotency_record where partner_id = 'amazon' and idempotency_key = ?",
                Long.class,
                key.get("Idempotency-Key"));
        assertThat(rows).isZero();
        assertThat(eventsOf(shareId)).isEqualTo(1);
    }

    @Test
    void aCommandTheAggregateRefusesLeavesNeitherEventNorKey() {
        String shareId = push(Shares.amber());
        String path = "/api/v1/shares/" + shareId + "/withdrawal";
        assertThat(api.post("amazon", path, "{\"reason\":\"first\"}").status()).isEqualTo(200);
        String key = "withdraw-again-" + UUID.randomUUID();

        Response refused = api.post("amazon", path, "{\"reason\":\"second\"}", Map.of("Idempotency-Key", key));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(jdbc.queryForObject(
                        "select count(*) from idempotency_record where partner_id = 'amazon' and idempotency_key = ?",
                        Long.class,
                        key))
                .isZero();
        assertThat(eventsOf(shareId)).isEqualTo(2);
    }

    @Test
    void aMalformedKeyIsRefused() {
        String shareId = push(Shares.amber());

        Response refused = api.post(
                "amazon",
                "/api/v1/shares/" + shareId + "/withdrawal",
                "{\"reason\":\"x\"}",
                Map.of("Idempotency-Key", "x".repeat(256)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("Idempotency-Key");
        assertThat(eventsOf(shareId)).isEqualTo(1);
    }
}
