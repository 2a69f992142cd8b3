package io.interdict.gateway.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.domain.common.PartnerKind;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.ApiClient.Response;
import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.LifecycleSteps;
import io.interdict.gateway.support.ModelWorld;
import io.interdict.gateway.support.ModelWorld.PoolShare;
import io.interdict.gateway.support.ModelWorld.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Model-based check of PRODUCT.md §3 for inspection requests: random requests (requester among the
 * investigators and border authorities, carrier among two carriers, port among three ports of this
 * run, linked shares from a pool — some the carrier or a border authority may not see, which the
 * gateway must refuse), random lifecycle steps (acknowledgement, schedule, completion,
 * cancellation, and steps a finished request must refuse), then every reader's {@code GET
 * /inspections/{id}} and every list — no filter, each status, each port, each status and port —
 * walked page by page, compared with the plain reference below. The seed is logged; set {@code
 * -Dinterdict.model.seed=…} to replay a run.
 */
class InspectionVisibilityModelIT extends GatewayIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(InspectionVisibilityModelIT.class);
    private static final int INSPECTIONS = 60;

    enum Status {
        REQUESTED,
        ACKNOWLEDGED,
        SCHEDULED,
        COMPLETED,
        CANCELLED
    }

    enum Step {
        ACKNOWLEDGE,
        SCHEDULE,
        COMPLETE,
        CANCEL
    }

    /** An inspection request as the reference knows it. */
    static final class Modelled {
        final String id;
        final String requester;
        final String carrier;
        final String port;
        final List<String> linkedShares;
        boolean acknowledged;
        boolean scheduled;
        boolean completed;
        boolean cancelled;
        int events = 1;

        Modelled(String id, String requester, String carrier, String port, List<String> linkedShares) {
            this.id = id;
            this.requester = requester;
            this.carrier = carrier;
            this.port = port;
            this.linkedShares = linkedShares;
        }

        boolean open() {
            return !completed && !cancelled;
        }

        Status status() {
            return completed
                    ? Status.COMPLETED
                    : cancelled
                            ? Status.CANCELLED
                            : scheduled ? Status.SCHEDULED : acknowledged ? Status.ACKNOWLEDGED : Status.REQUESTED;
        }
    }

    /** §3: the requester, every border authority, the carrier of the shipment; auditors see everything. */
    static boolean visible(Reader reader, Modelled inspection) {
        return reader.kind() == PartnerKind.AUDITOR
                || reader.kind() == PartnerKind.BORDER_AUTHORITY
                || reader.id().equals(inspection.requester)
                || reader.id().equals(inspection.carrier);
    }

    /** §1: reading inspections takes the scope of one of the roles that see them. */
    static boolean mayRead(Reader reader) {
        return reader.holdsAnyOf("inspections:request", "inspections:execute", "audit:read");
    }

    /**
     * ADR 0007: null when every linked share is visible to the requester, the carrier and every
     * border authority; otherwise the problem type of the first refusal.
     */
    static String refusal(ModelWorld world, String requester, String carrier, List<PoolShare> linked) {
        Set<String> others = new LinkedHashSet<>();
        others.add(carrier);
        others.addAll(world.borderAuthorities);
        others.remove(requester);
        for (PoolShare share : linked) {
            if (!share.visibleTo(requester)) {
                return "invalid-input";
            }
            if (others.stream().anyMatch(other -> !share.visibleTo(other))) {
                return "linked-share-not-shared";
            }
        }
        return null;
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    ApplicationContext context;

    @Test
    void everyReadAndEveryListAgreesWithTheReferenceImplementationOfSection3() {
        long seed = Long.getLong("interdict.model.seed", System.nanoTime());
        log.info("InspectionVisibilityModelIT seed {}", seed);
        Random random = new Random(seed);
        ApiClient api = new ApiClient(port);
        LifecycleSteps steps = new LifecycleSteps(api, jdbc, commands);
        ModelWorld world = ModelWorld.create(steps, context);
        // Ports of this run only: a list filtered by port holds nothing but this run's requests.
        String tag = "Q"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
        List<String> ports = List.of(tag + "A", tag + "B", tag + "C");
        List<String> requesters = List.of("ipr-center", world.investigator2, "cbp", world.border2);
        List<String> carriers = List.of("dhl", world.carrier2);
        List<String> borderAuthorities = List.of("cbp", world.border2);

        Map<String, Modelled> inspections = new LinkedHashMap<>();
        int refusedRequests = 0;
        int refusedSteps = 0;
        for (int attempt = 0; inspections.size() < INSPECTIONS && attempt < 10 * INSPECTIONS; attempt++) {
            String requester = pick(random, requesters);
            String carrier = pick(random, carriers);
            String port = pick(random, ports);
            List<PoolShare> linked = new ArrayList<>();
            for (PoolShare share : world.shares) {
                if (random.nextInt(6) == 0) {
                    linked.add(share);
                }
            }
            String refusal = refusal(world, requester, carrier, linked);
            Response requested = api.post(requester, "/api/v1/inspections", body(carrier, port, linked));
            if (refusal != null) {
                assertThat(requested.status())
                        .as(
                                "%s links %s for carrier %s (seed %d): %s",
                                requester, linked, carrier, seed, requested.body())
                        .isEqualTo(422);
                assertThat(requested.json().get("type").asText()).isEqualTo("urn:interdict:problem:" + refusal);
                refusedRequests++;
                continue;
            }
            assertThat(requested.status())
                    .as("%s links %s for carrier %s (seed %d): %s", requester, linked, carrier, seed, requested.body())
                    .isEqualTo(201);
            Modelled inspection = new Modelled(
                    requested.json().get("aggregateId").asText(),
                    requester,
                    carrier,
                    port,
                    linked.stream().map(PoolShare::id).toList());
            inspections.put(inspection.id, inspection);
            // A change is checked against the read model first (404 for a request it does not hold yet).
            steps.awaitRow("inspection_view", "inspection_id", inspection.id);
            for (int s = random.nextInt(4); s > 0; s--) {
                if (!step(api, random, inspection, pick(random, List.of(Step.values())), borderAuthorities, seed)) {
                    refusedSteps++;
                }
            }
        }
        assertThat(inspections).hasSize(INSPECTIONS);
        for (Modelled inspection : inspections.values()) {
            await().atMost(LifecycleSteps.READ_MODEL)
                    .until(() -> jdbc.queryForList(
                                    "select status from inspection_view where inspection_id = ?",
                                    String.class,
                                    inspection.id)
                            .equals(List.of(inspection.status().name())));
        }

        int cases = 0;
        for (Reader reader : world.readers.values()) {
            for (Modelled inspection : inspections.values()) {
                Response read = api.get(reader.id(), "/api/v1/inspections/" + inspection.id);
                String what = reader.id() + " reading " + inspection.id + " (seed " + seed + ")";
                if (!mayRead(reader)) {
                    assertThat(read.status()).as(what).isEqualTo(403);
                } else if (visible(reader, inspection)) {
                    assertThat(read.status()).as(what).isEqualTo(200);
                    JsonNode view = read.json();
                    assertThat(view.get("status").asText())
                            .as(what)
                            .isEqualTo(inspection.status().name());
                    assertThat(view.get("requester").asText()).as(what).isEqualTo(inspection.requester);
                    assertThat(view.get("carrier").asText()).as(what).isEqualTo(inspection.carrier);
                    assertThat(view.get("portOfEntry").asText()).as(what).isEqualTo(inspection.port);
                    assertThat(strings(view.get("linkedShares"))).as(what).isEqualTo(inspection.linkedShares);
                    assertThat(view.get("records")).as(what).hasSize(inspection.events);
                } else {
                    assertThat(read.status()).as(what).isEqualTo(404);
                    assertThat(read.json().get("type").asText()).isEqualTo("urn:interdict:problem:not-found");
                }
                cases++;
            }
            List<String> queries = new ArrayList<>();
            queries.add("");
            for (Status status : Status.values()) {
                queries.add("status=" + status.name().toLowerCase(Locale.ROOT));
            }
            for (String port : ports) {
                queries.add("port=" + port);
                for (Status status : Status.values()) {
                    queries.add("status=" + status + "&port=" + port);
                }
            }
            for (String query : queries) {
                cases += compareList(api, random, reader, query, inspections, seed);
            }
        }
        log.info(
                "InspectionVisibilityModelIT: {} cases, {} inspections, {} refused requests, {} refused steps",
                cases,
                inspections.size(),
                refusedRequests,
                refusedSteps);
        assertThat(refusedRequests)
                .as("some requests linked a share not everyone could see")
                .isPositive();
        assertThat(cases).isEqualTo(world.readers.size() * INSPECTIONS * (1 + 1 + 5 + 3 + 15));
    }

    /**
     * One lifecycle step by a partner PRODUCT.md §2 allows to take it; answers whether it was
     * accepted (a finished request, or a second acknowledgement, must be refused with 409).
     */
    private static boolean step(
            ApiClient api, Random random, Modelled inspection, Step step, List<String> borders, long seed) {
        String path = "/api/v1/inspections/" + inspection.id + "/";
        boolean accepted = inspection.open() && !(step == Step.ACKNOWLEDGE && inspection.acknowledged);
        Response answer = switch (step) {
            case ACKNOWLEDGE -> api.post(inspection.carrier, path + "acknowledgement", "{}");
            case SCHEDULE ->
                api.post(
                        pick(random, borders),
                        path + "schedule",
                        "{\"scheduledFor\":\"" + Instant.now().plusSeconds(3600) + "\"}");
            case COMPLETE ->
                api.post(
                        pick(random, borders),
                        path + "completion",
                        "{\"result\":\"" + pick(random, List.of("SEIZED", "RELEASED", "NOT_FOUND")) + "\"}");
            case CANCEL ->
                api.post(
                        random.nextBoolean() ? inspection.requester : pick(random, borders),
                        path + "cancellation",
                        "{\"reason\":\"model check\"}");
        };
        assertThat(answer.status())
                .as("%s of %s (seed %d): %s", step, inspection.id, seed, answer.body())
                .isEqualTo(accepted ? 200 : 409);
        if (accepted) {
            inspection.events++;
            switch (step) {
                case ACKNOWLEDGE -> inspection.acknowledged = true;
                case SCHEDULE -> inspection.scheduled = true;
                case COMPLETE -> inspection.completed = true;
                case CANCEL -> inspection.cancelled = true;
            }
        }
        return accepted;
    }

    /**
     * Walks every page of one list for one reader and compares it with the reference: this run's
     * requests in it are exactly those the reader may see and the filter selects, newest first, none
     * twice. A list filtered by one of this run's ports holds nothing else, so its length is the
     * count. Answers the number of compared cases (one per request of this run).
     */
    private static int compareList(
            ApiClient api, Random random, Reader reader, String query, Map<String, Modelled> inspections, long seed) {
        String what = reader.id() + " listing ?" + query + " (seed " + seed + ")";
        boolean portFiltered = query.contains("port=");
        int limit = portFiltered ? 1 + random.nextInt(25) : 100 + random.nextInt(900);
        if (!mayRead(reader)) {
            assertThat(api.get(reader.id(), "/api/v1/inspections?" + query).status())
                    .as(what)
                    .isEqualTo(403);
            return inspections.size();
        }
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            Response page = api.get(
                    reader.id(),
                    "/api/v1/inspections?" + query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(what + ": " + page.body()).isEqualTo(200);
            assertThat(page.json().get("inspections").size()).as(what).isLessThanOrEqualTo(limit);
            page.json().get("inspections").forEach(items::add);
            cursor = page.json().get("next").isNull()
                    ? null
                    : page.json().get("next").asText();
        } while (cursor != null);

        List<String> ids =
                items.stream().map(item -> item.get("inspectionId").asText()).toList();
        assertThat(ids).as(what + " repeats nothing").doesNotHaveDuplicates();
        for (int i = 1; i < items.size(); i++) {
            Instant previous = Instant.parse(items.get(i - 1).get("requestedAt").asText());
            Instant current = Instant.parse(items.get(i).get("requestedAt").asText());
            assertThat(previous).as(what + " newest first").isAfterOrEqualTo(current);
        }
        Status status = null;
        String port = null;
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("status=")) {
                status = Status.valueOf(parameter.substring(7).toUpperCase(Locale.ROOT));
            } else if (parameter.startsWith("port=")) {
                port = parameter.substring(5);
            }
        }
        Set<String> expected = new HashSet<>();
        for (Modelled inspection : inspections.values()) {
            if (visible(reader, inspection)
                    && (status == null || inspection.status() == status)
                    && (port == null || inspection.port.equals(port))) {
                expected.add(inspection.id);
            }
        }
        Set<String> ours = ids.stream().filter(inspections::containsKey).collect(Collectors.toSet());
        assertThat(ours).as(what).isEqualTo(expected);
        if (portFiltered) {
            assertThat(ids).as(what + ": the count").hasSize(expected.size());
        }
        for (JsonNode item : items) {
            Modelled inspection = inspections.get(item.get("inspectionId").asText());
            if (inspection != null) {
                assertThat(item.get("status").asText())
                        .as(what)
                        .isEqualTo(inspection.status().name());
            }
        }
        return inspections.size();
    }

    private static String body(String carrier, String port, List<PoolShare> linked) {
        String shares = linked.stream().map(share -> "\"" + share.id() + "\"").collect(Collectors.joining(","));
        return "{\"carrier\":\"" + carrier + "\",\"shipment\":{\"containerNumber\":\"MSKU1234565\"},"
                + "\"portOfEntry\":\"" + port + "\",\"reason\":\"model check\",\"linkedShares\":[" + shares
                + "],\"priority\":\"MEDIUM\"}";
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
