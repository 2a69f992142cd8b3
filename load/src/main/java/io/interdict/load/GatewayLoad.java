package io.interdict.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway phases: single pushes, batch pushes, and one consumer paging the feed. Every push is
 * signed by the provider's registered key and carries an idempotency key, as a careful partner
 * would send it. Counts every share created (in or out of a measured window), and how many of them
 * the feed consumer may see, so the feed phase knows what it must find.
 */
final class GatewayLoad {

    static final String[] PROVIDERS = {"amazon", "dhl"};

    private final GatewayClient gateway;
    private final long seed;
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong visibleToConsumer = new AtomicLong();

    GatewayLoad(GatewayClient gateway, long seed) {
        this.gateway = gateway;
        this.seed = seed;
    }

    long created() {
        return created.get();
    }

    long visibleToConsumer() {
        return visibleToConsumer.get();
    }

    /** {@code POST /api/v1/shares}, one share per call. */
    ClosedLoop.Outcome push(int clients, Duration warmup, Duration window) throws Exception {
        long phaseSeed = seed ^ System.nanoTime();
        return ClosedLoop.run(clients, warmup, window, index -> {
            String provider = PROVIDERS[index % PROVIDERS.length];
            ShareBodies bodies = new ShareBodies(new Random(phaseSeed + index));
            return () -> {
                ShareBodies.Body body = bodies.next();
                byte[] canonical = Jcs.canonicalize(body.json());
                GatewayClient.Response response = gateway.post(
                        provider,
                        "/api/v1/shares",
                        canonical,
                        Map.of(
                                "Interdict-Signature", gateway.sign(provider, canonical),
                                "Idempotency-Key", UUID.randomUUID().toString()));
                if (response.status() != 201) {
                    throw new IllegalStateException("push answered " + response.status() + ": " + abbreviate(response));
                }
                created.incrementAndGet();
                if (body.visibleToConsumer()) {
                    visibleToConsumer.incrementAndGet();
                }
                return 1;
            };
        });
    }

    /** {@code POST /api/v1/shares/batch}, {@code perCall} signed shares per call; units are shares. */
    ClosedLoop.Outcome batch(int clients, int perCall, Duration warmup, Duration window) throws Exception {
        long phaseSeed = seed ^ System.nanoTime();
        return ClosedLoop.run(clients, warmup, window, index -> {
            String provider = PROVIDERS[index % PROVIDERS.length];
            ShareBodies bodies = new ShareBodies(new Random(phaseSeed + index));
            return () -> batchCall(provider, bodies, perCall);
        });
    }

    /** Batch pushes on {@code clients} threads until the consumer may see {@code target} shares. */
    void fillUntilVisible(long target, int clients, int perCall) throws Exception {
        long phaseSeed = seed ^ System.nanoTime();
        AtomicLong failures = new AtomicLong();
        Thread[] threads = new Thread[clients];
        for (int i = 0; i < clients; i++) {
            String provider = PROVIDERS[i % PROVIDERS.length];
            ShareBodies bodies = new ShareBodies(new Random(phaseSeed + i));
            threads[i] = new Thread(() -> {
                while (visibleToConsumer.get() < target && failures.get() < 10) {
                    try {
                        batchCall(provider, bodies, perCall);
                    } catch (Exception e) {
                        if (failures.incrementAndGet() == 1) {
                            System.err.println("fill: " + e);
                        }
                    }
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (visibleToConsumer.get() < target) {
            throw new IllegalStateException("could not push enough shares for the feed phase ("
                    + visibleToConsumer.get() + " of " + target + "): " + failures.get() + " failed calls");
        }
    }

    private long batchCall(String provider, ShareBodies bodies, int perCall) throws IOException {
        ObjectNode request = GatewayClient.MAPPER.createObjectNode();
        ArrayNode items = request.putArray("items");
        boolean[] visible = new boolean[perCall];
        for (int i = 0; i < perCall; i++) {
            ShareBodies.Body body = bodies.next();
            visible[i] = body.visibleToConsumer();
            byte[] canonical = Jcs.canonicalize(body.json());
            items.addObject()
                    .put("idempotencyKey", UUID.randomUUID().toString())
                    .put("signature", gateway.sign(provider, canonical))
                    .set("share", body.json());
        }
        GatewayClient.Response response = gateway.post(
                provider, "/api/v1/shares/batch", GatewayClient.MAPPER.writeValueAsBytes(request), Map.of());
        if (response.status() != 200) {
            throw new IllegalStateException("batch answered " + response.status() + ": " + abbreviate(response));
        }
        JsonNode status = response.json();
        for (JsonNode success : status.path("successes")) {
            created.incrementAndGet();
            if (visible[success.path("index").asInt()]) {
                visibleToConsumer.incrementAndGet();
            }
        }
        JsonNode failures = status.path("failures");
        if (!failures.isEmpty()) {
            throw new IllegalStateException(
                    "batch refused " + failures.size() + " of " + perCall + " items, first: " + failures.get(0));
        }
        return status.path("success_count").asLong();
    }

    /** What one consumer paging the feed from the start measured. */
    record FeedOutcome(long records, long pages, double seconds, Latencies pageLatencies) {
        double recordsPerSecond() {
            return records / seconds;
        }
    }

    /**
     * Pages the whole feed once from its start, not measured, for at least {@code atLeast} (starting
     * over at its end) and at most a minute: the feed phase's warm-up, so the measured pass is timed
     * on compiled code, like every other phase's calls after their warm-up.
     */
    void feedWarmup(String consumer, int limit, Duration atLeast) throws IOException {
        long start = System.nanoTime();
        long minimum = start + atLeast.toNanos();
        long maximum = start + Duration.ofMinutes(1).toNanos();
        String cursor = null;
        boolean passed = false;
        while (System.nanoTime() < maximum && !(passed && System.nanoTime() >= minimum)) {
            Page page = Page.read(feedPage(consumer, limit, cursor).body());
            if (page.records() == 0) {
                passed = true;
                cursor = null;
            } else {
                cursor = page.next();
            }
        }
    }

    /**
     * {@code consumer} pages {@code GET /api/v1/feed} from the start, {@code limit} per page, to the
     * first empty page, which is the end of the feed: the writers have caught up before this starts,
     * so at least {@code expected} records are there to read. Each page is read with a streaming
     * parser that counts records and takes the cursor, so the driver's own JSON work stays small
     * beside the gateway's.
     */
    FeedOutcome feed(String consumer, int limit, long expected) throws IOException {
        Latencies pages = new Latencies();
        String cursor = null;
        long records = 0;
        long pageCount = 0;
        long start = System.nanoTime();
        while (true) {
            long before = System.nanoTime();
            GatewayClient.Response response = feedPage(consumer, limit, cursor);
            pages.add(System.nanoTime() - before);
            pageCount++;
            Page page = Page.read(response.body());
            if (page.records() == 0) {
                break;
            }
            records += page.records();
            cursor = page.next();
        }
        if (records < expected) {
            // The driver waited for the writers to catch up before this pass: every share is
            // servable, so a short feed is a gateway fault, not something to wait for.
            throw new IllegalStateException("the feed ended after " + records + " of " + expected + " records");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new FeedOutcome(records, pageCount, seconds, Latencies.merge(java.util.List.of(pages)));
    }

    /** One feed page after {@code cursor} (null: from the start); anything but 200 is a failure. */
    private GatewayClient.Response feedPage(String consumer, int limit, String cursor) throws IOException {
        String path = "/api/v1/feed?limit=" + limit
                + (cursor == null ? "" : "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        GatewayClient.Response response = gateway.get(consumer, path);
        if (response.status() != 200) {
            throw new IllegalStateException("feed answered " + response.status() + ": " + abbreviate(response));
        }
        return response;
    }

    /** A feed page reduced to what the consumer loop needs. */
    record Page(int records, String next) {
        static Page read(byte[] json) throws IOException {
            int records = 0;
            String next = null;
            try (JsonParser parser = GatewayClient.MAPPER.createParser(json)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("expected a feed page object");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals("records") && value == JsonToken.START_ARRAY) {
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            records++;
                            parser.skipChildren();
                        }
                    } else if (name.equals("next")) {
                        next = value == JsonToken.VALUE_NULL ? null : parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
            }
            return new Page(records, next);
        }
    }

    private static String abbreviate(GatewayClient.Response response) {
        String text = response.text();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
