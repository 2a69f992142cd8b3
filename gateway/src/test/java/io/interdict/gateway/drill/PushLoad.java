package io.interdict.gateway.drill;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Clients pushing shares with an Idempotency-Key each, spread over the nodes. A push that meets a
 * connection error or a 503 is sent again with the same key (to the next node after a connection
 * error) until it gets an answer; the answer is what counts.
 */
final class PushLoad {

    /** A push the gateway acknowledged with a 2xx. */
    record Acknowledged(String key, String shareId, String recordId, String provider, int status) {}

    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    private final Supplier<List<GatewayNodeProcess>> nodes;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger connectionErrors = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();

    PushLoad(Supplier<List<GatewayNodeProcess>> nodes) {
        this.nodes = nodes;
    }

    /** Starts {@code clients} threads pushing {@code total} shares between them; returns at once. */
    ExecutorService start(int clients, int total) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            String provider = c % 2 == 0 ? "amazon" : "dhl";
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    push(provider, i);
                }
                return null;
            });
        }
        pool.shutdown();
        return pool;
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    private void push(String provider, int n) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        String body = body(provider, key);
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        int attempt = 0;
        while (System.nanoTime() < deadline) {
            List<GatewayNodeProcess> current = nodes.get();
            GatewayNodeProcess node = current.get((n + attempt) % current.size());
            if (attempt > 0) {
                retried.incrementAndGet();
            }
            attempt++;
            try {
                HttpResponse<String> response = Drills.HTTP.send(
                        HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/shares"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token(node, provider))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    JsonNode record = Drills.JSON.readTree(response.body());
                    acknowledged.add(new Acknowledged(
                            key,
                            record.get("aggregateId").asText(),
                            record.get("recordId").asText(),
                            provider,
                            status));
                    return;
                }
                if (status == 503) {
                    unavailable.incrementAndGet();
                    String type =
                            Drills.JSON.readTree(response.body()).path("type").asText();
                    if (!type.endsWith("unavailable")) {
                        refused.add("503 without the unavailable problem type: " + response.body());
                        return;
                    }
                    Thread.sleep(300);
                    continue;
                }
                if (status == 401) {
                    tokens.clear();
                    continue;
                }
                refused.add(status + " from " + node.name + ": " + response.body());
                return;
            } catch (IOException e) {
                connectionErrors.incrementAndGet();
                tokens.clear();
                Thread.sleep(200);
            }
        }
        refused.add("gave up on key " + key + " after " + attempt + " attempts");
    }

    private String token(GatewayNodeProcess node, String provider) throws IOException, InterruptedException {
        String token = tokens.get(provider);
        if (token == null) {
            token = Drills.token(node.base(), provider);
            tokens.put(provider, token);
        }
        return token;
    }

    static String body(String provider, String key) {
        return "{\"kind\":\"COUNTERFEIT_PRODUCT\",\"marking\":\"TLP:AMBER\",\"audience\":[\"ipr-center\",\"cbp\"],"
                + "\"subject\":{\"sellerAccount\":\"DRILL-" + key.substring(0, 13) + "\",\"productId\":\"B0CXY12345\","
                + "\"trackingNumber\":\"JD014600006281234567\",\"portOfEntry\":\"USLAX\",\"originCountry\":\"CN\"},"
                + "\"indicators\":[\"pushed by " + provider + " in the fault drill\"],\"confidence\":70}";
    }

    static void awaitDone(ExecutorService pool) throws InterruptedException {
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("the push clients did not finish in 10 minutes");
        }
    }
}
