package io.interdict.gateway.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.ApiClient.Response;
import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.ProbeRecorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The feed: only visible records, in log order, with a cursor that neither skips nor repeats. */
class FeedIT extends GatewayIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    static String share(String marking, String audience, String seller) {
        return "{\"kind\":\"COUNTERFEIT_SELLER\",\"marking\":\"" + marking + "\",\"audience\":" + audience
                + ",\"subject\":{\"sellerAccount\":\"" + seller + "\"},\"indicators\":[\"repeat offender\"],"
                + "\"confidence\":70}";
    }

    String push(String partner, String body) {
        Response pushed = api.post(partner, "/api/v1/shares", body);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        return pushed.json().get("aggregateId").asText();
    }

    /** Pages through the whole feed as {@code reader}; the aggregate ids of share records seen, in order. */
    List<JsonNode> readAll(String reader) {
        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        while (true) {
            Response page = api.get(reader, "/api/v1/feed?limit=7" + (cursor == null ? "" : "&after=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode records = page.json().get("records");
            records.forEach(seen::add);
            if (records.isEmpty()) {
                return seen;
            }
            cursor = page.json().get("next").asText();
        }
    }

    @Test
    void eachPartnerSeesOnlyWhatItMayInLogOrder() {
        String seller = "FEED-" + UUID.randomUUID();
        String amber = push("amazon", share("TLP:AMBER", "[\"cbp\"]", seller));
        String green = push("amazon", share("TLP:GREEN", "[]", seller));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(ids(readAll("cbp"))).contains(amber, green));
        List<String> dhl = ids(readAll("dhl"));
        assertThat(dhl).contains(green).doesNotContain(amber);
        List<String> ipr = ids(readAll("ipr-center"));
        assertThat(ipr).contains(green).doesNotContain(amber);

        List<JsonNode> cbp = readAll("cbp");
        List<Long> leaves = cbp.stream().map(r -> r.get("leafIndex").asLong()).toList();
        assertThat(leaves).isSorted().doesNotHaveDuplicates();
        assertThat(cbp)
                .allSatisfy(r -> assertThat(r.get("gatewaySignature").asText()).isNotBlank());
    }

    @Test
    void aConsumerPagingWhileOthersPushMissesNothingAndSeesNothingTwice() throws Exception {
        String seller = "CONCURRENT-" + UUID.randomUUID();
        int pushes = 40;
        Set<String> pushed = ConcurrentHashMap.newKeySet();
        CompletableFuture<Void> writers = CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < pushes / 2; i++) {
                        pushed.add(push("amazon", share("TLP:GREEN", "[]", seller)));
                    }
                }),
                CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < pushes / 2; i++) {
                        pushed.add(push("dhl", share("TLP:GREEN", "[]", seller)));
                    }
                }));

        List<String> recordIds = new ArrayList<>();
        Set<String> seenShares = new HashSet<>();
        String cursor = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!(writers.isDone() && seenShares.containsAll(pushed)) && System.nanoTime() < deadline) {
            Response page = api.get("cbp", "/api/v1/feed?limit=5" + (cursor == null ? "" : "&after=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            for (JsonNode record : page.json().get("records")) {
                recordIds.add(record.get("recordId").asText());
                seenShares.add(record.get("aggregateId").asText());
            }
            if (!page.json().get("next").isNull()) {
                cursor = page.json().get("next").asText();
            }
        }
        writers.get();

        assertThat(pushed).hasSize(pushes);
        assertThat(seenShares).containsAll(pushed);
        assertThat(recordIds).doesNotHaveDuplicates();
    }

    @Test
    void aPageReachesPastMoreInvisibleRecordsThanOneQueryWindowReads() {
        String seller = "WINDOW-" + UUID.randomUUID();
        String before = push("amazon", share("TLP:GREEN", "[]", seller));
        // More records ipr-center may not see than FeedQueries reads in one window.
        int hidden = (int) FeedQueries.WINDOW_LEAVES + 100;
        for (int pushed = 0; pushed < hidden; pushed += 100) {
            StringBuilder batch = new StringBuilder("{\"items\":[");
            for (int i = 0; i < Math.min(100, hidden - pushed); i++) {
                batch.append(i == 0 ? "" : ",")
                        .append("{\"share\":")
                        .append(share("TLP:AMBER", "[\"cbp\"]", seller))
                        .append('}');
            }
            Response stored = api.post(
                    "amazon", "/api/v1/shares/batch", batch.append("]}").toString());
            assertThat(stored.status()).as(stored.body()).isEqualTo(200);
            assertThat(stored.json().get("failure_count").asInt()).isZero();
        }
        String after = push("amazon", share("TLP:GREEN", "[]", seller));
        JsonNode first = await().atMost(Duration.ofSeconds(120))
                .until(
                        () -> api.get("ipr-center", "/api/v1/shares/" + before),
                        r -> r.status() == 200 && r.json().has("leafIndex"))
                .json();
        String cursor = FeedCursor.encode(first.get("leafIndex").asLong());

        Response page = await().atMost(Duration.ofSeconds(120))
                .until(
                        () -> api.get("ipr-center", "/api/v1/feed?limit=1000&after=" + cursor),
                        r -> r.status() == 200
                                && ids(list(r.json().get("records"))).contains(after));

        assertThat(page.json().get("records"))
                .allSatisfy(r ->
                        assertThat(r.get("payload").get("marking").asText()).isNotEqualTo("TLP:AMBER"));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void everyFeedPageIsRecordedAsAnAccessEvent() {
        String id = push("amazon", share("TLP:AMBER", "[\"cbp\"]", "ACCESS-" + UUID.randomUUID()));
        Response read = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("cbp", "/api/v1/shares/" + id), r -> r.status() == 200);
        String recordId = read.json().get("recordId").asText();

        Long logged = jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type = 'io.interdict.domain.access.RecordsRead'"
                        + " and convert_from(payload, 'UTF8')::jsonb ->> 'reader' = 'cbp'"
                        + " and convert_from(payload, 'UTF8')::jsonb -> 'recordIds' @> jsonb_build_array(?::text)",
                Long.class,
                recordId);
        assertThat(logged).isEqualTo(1);
    }

    @Test
    void aRolledBackEventInsertDoesNotStallTheFeed() {
        // The insert takes a global index and rolls back: a gap that never fills, which the
        // processors' tokens keep (Axon drops gaps only past 250 of them or 10,000 events on).
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            String probeId = UUID.randomUUID().toString();
            eventStore.publish(
                    new GenericDomainEventMessage<>("Probe", probeId, 0, new ProbeRecorded(probeId, "rolled back")));
            status.setRollbackOnly();
        });
        String id = push("amazon", share("TLP:AMBER", "[\"cbp\"]", "AFTER-ROLLBACK-" + UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> readAll("cbp").stream()
                        .anyMatch(record -> record.get("aggregateId").asText().equals(id)));
    }

    @Test
    void badCursorsAndLimitsAreRefusedPrecisely() {
        Response cursor = api.get("cbp", "/api/v1/feed?after=not-a-cursor");
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.json().get("detail").asText()).contains("after: not a cursor");
        Response limit = api.get("cbp", "/api/v1/feed?limit=1001");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().get("detail").asText()).contains("limit: expected an integer from 1 to 1000");
        assertThat(api.get("cbp", "/api/v1/feed?limit=abc").status()).isEqualTo(400);
    }

    @Test
    void theFeedNeedsATokenAndTheReadScope() {
        assertThat(api.get(null, "/api/v1/feed").status()).isEqualTo(401);
        assertThat(api.get("operator", "/api/v1/feed").status()).isEqualTo(403);
    }

    @Test
    void anInvisibleShareIsNotFoundNotForbidden() {
        String id = push("amazon", share("TLP:AMBER", "[\"cbp\"]", "HIDDEN-" + UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("cbp", "/api/v1/shares/" + id).status() == 200);

        Response hidden = api.get("dhl", "/api/v1/shares/" + id);
        String unknownId = UUID.randomUUID().toString();
        Response unknown = api.get("dhl", "/api/v1/shares/" + unknownId);

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(hidden.json().get("detail").asText().replace(id, "<id>"))
                .isEqualTo(unknown.json().get("detail").asText().replace(unknownId, "<id>"));
        assertThat(hidden.json().get("type")).isEqualTo(unknown.json().get("type"));
    }

    private static List<String> ids(List<JsonNode> records) {
        return records.stream().map(r -> r.get("aggregateId").asText()).toList();
    }
}
