package io.interdict.gateway.investigation;

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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
 * Model-based check of PRODUCT.md §3 for investigations: random investigations led by one of two
 * investigators, random evidence (shares of a pool, inspection requests — some the lead may not
 * see, which must be refused), outcomes and closures (and changes a closed investigation must
 * refuse); then every reader's {@code GET /investigations/{id}} — full for the lead and auditors,
 * feedback (outcomes and its own linked shares) for the provider of a linked share once an outcome
 * is recorded, 404 for anyone else — and every list (no filter, OPEN, CLOSED) walked page by page,
 * compared with the plain reference below. The seed is logged; set {@code
 * -Dinterdict.model.seed=…} to replay a run.
 */
class InvestigationVisibilityModelIT extends GatewayIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(InvestigationVisibilityModelIT.class);
    private static final int INVESTIGATIONS = 40;
    private static final int INSPECTIONS = 12;
    private static final List<String> QUERIES = List.of("", "status=OPEN", "status=closed");

    /** An inspection request that may be linked as evidence, and who requested it. */
    record Inspection(String id, String requester) {}

    /** An investigation as the reference knows it. */
    static final class Modelled {
        final String id;
        final String lead;
        /** Linked shares in the order the read model lists them: by link, then by id within one link. */
        final List<PoolShare> shares = new ArrayList<>();

        final List<String> inspections = new ArrayList<>();
        final List<String> outcomes = new ArrayList<>();
        boolean closed;
        int events = 1;

        Modelled(String id, String lead) {
            this.id = id;
            this.lead = lead;
        }

        String status() {
            return closed ? "CLOSED" : "OPEN";
        }
    }

    enum Access {
        FULL,
        FEEDBACK,
        NONE
    }

    /**
     * §3: the lead agency and auditors see the investigation; the provider of a linked share sees
     * its outcome (feedback) once there is one; nobody else learns it exists.
     */
    static Access access(Reader reader, Modelled investigation) {
        if (reader.kind() == PartnerKind.AUDITOR || reader.id().equals(investigation.lead)) {
            return Access.FULL;
        }
        if (!investigation.outcomes.isEmpty()
                && investigation.shares.stream()
                        .anyMatch(share -> share.provider().equals(reader.id()))) {
            return Access.FEEDBACK;
        }
        return Access.NONE;
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
        log.info("InvestigationVisibilityModelIT seed {}", seed);
        Random random = new Random(seed);
        ApiClient api = new ApiClient(port);
        LifecycleSteps steps = new LifecycleSteps(api, jdbc, commands);
        ModelWorld world = ModelWorld.create(steps, context);
        List<String> leads = List.of("ipr-center", world.investigator2);

        // Inspections to link: visible to an investigator only when it requested them (§3).
        List<Inspection> inspections = new ArrayList<>();
        for (int i = 0; i < INSPECTIONS; i++) {
            String requester = pick(random, List.of("ipr-center", world.investigator2, "cbp"));
            inspections.add(new Inspection(
                    steps.requestInspection(
                            requester, LifecycleSteps.inspection(pick(random, List.of("dhl", world.carrier2)), "[]")),
                    requester));
        }

        Map<String, Modelled> investigations = new LinkedHashMap<>();
        int refused = 0;
        for (int i = 0; i < INVESTIGATIONS; i++) {
            String lead = pick(random, leads);
            Response opened = api.post(
                    lead, "/api/v1/investigations", "{\"title\":\"model check\",\"subjects\":[\"S" + i + "\"]}");
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            Modelled investigation =
                    new Modelled(opened.json().get("aggregateId").asText(), lead);
            investigations.put(investigation.id, investigation);
            // A change is checked against the read model first (404 for an investigation it does not hold yet).
            steps.awaitRow("investigation_view", "investigation_id", investigation.id);
            for (int s = random.nextInt(5); s > 0; s--) {
                boolean accepted = switch (random.nextInt(4)) {
                    case 0, 1 -> linkEvidence(api, random, world, inspections, investigation, seed);
                    case 2 -> recordOutcome(api, random, investigation, seed);
                    default -> close(api, investigation, seed);
                };
                if (!accepted) {
                    refused++;
                }
            }
        }
        for (Modelled investigation : investigations.values()) {
            await().atMost(LifecycleSteps.READ_MODEL).until(() -> readModelHolds(investigation));
        }

        int cases = 0;
        for (Reader reader : world.readers.values()) {
            boolean mayRead = reader.scopes().contains("investigations:read");
            for (Modelled investigation : investigations.values()) {
                Response read = api.get(reader.id(), "/api/v1/investigations/" + investigation.id);
                String what = reader.id() + " reading " + investigation.id + " (seed " + seed + ")";
                Access access = access(reader, investigation);
                if (!mayRead) {
                    assertThat(read.status()).as(what).isEqualTo(403);
                } else if (access == Access.NONE) {
                    assertThat(read.status()).as(what).isEqualTo(404);
                    assertThat(read.json().get("type").asText()).isEqualTo("urn:interdict:problem:not-found");
                } else {
                    assertThat(read.status()).as(what).isEqualTo(200);
                    compareRead(reader, investigation, access, read.json(), what);
                }
                cases++;
            }
            for (String query : QUERIES) {
                // Twice: in pages of a few items (the cursor at work) and of many.
                cases += compareList(api, 1 + random.nextInt(7), reader, mayRead, query, investigations, seed);
                cases += compareList(api, 8 + random.nextInt(993), reader, mayRead, query, investigations, seed);
            }
        }
        log.info(
                "InvestigationVisibilityModelIT: {} cases, {} investigations, {} refused changes",
                cases,
                investigations.size(),
                refused);
        assertThat(refused).as("some changes had to be refused").isPositive();
        assertThat(investigations.values().stream().filter(v -> !v.outcomes.isEmpty()))
                .as("some outcomes to give feedback on")
                .isNotEmpty();
        assertThat(cases).isEqualTo(world.readers.size() * INVESTIGATIONS * (1 + 2 * QUERIES.size()));
    }

    /**
     * Links one to three items not yet linked, sometimes one the lead may not see (422, nothing
     * linked); a closed investigation refuses evidence (409).
     */
    private static boolean linkEvidence(
            ApiClient api,
            Random random,
            ModelWorld world,
            List<Inspection> inspections,
            Modelled investigation,
            long seed) {
        List<PoolShare> shares = new ArrayList<>();
        List<Inspection> linkedInspections = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            if (random.nextBoolean()) {
                PoolShare share = pick(random, world.shares);
                if (!investigation.shares.contains(share) && !shares.contains(share)) {
                    shares.add(share);
                }
            } else {
                Inspection inspection = pick(random, inspections);
                if (!investigation.inspections.contains(inspection.id()) && !linkedInspections.contains(inspection)) {
                    linkedInspections.add(inspection);
                }
            }
        }
        if (shares.isEmpty() && linkedInspections.isEmpty()) {
            return true;
        }
        boolean visible = shares.stream().allMatch(share -> share.visibleTo(investigation.lead))
                && linkedInspections.stream()
                        .allMatch(inspection -> inspection.requester().equals(investigation.lead));
        Response linked = api.post(
                investigation.lead,
                "/api/v1/investigations/" + investigation.id + "/evidence",
                "{\"shareIds\":" + json(shares.stream().map(PoolShare::id).toList()) + ",\"inspectionIds\":"
                        + json(linkedInspections.stream().map(Inspection::id).toList()) + "}");
        int expected = !visible ? 422 : investigation.closed ? 409 : 200;
        assertThat(linked.status())
                .as(
                        "%s links %s %s into %s (seed %d): %s",
                        investigation.lead, shares, linkedInspections, investigation.id, seed, linked.body())
                .isEqualTo(expected);
        if (expected != 200) {
            return false;
        }
        shares.sort((a, b) -> a.id().compareTo(b.id()));
        investigation.shares.addAll(shares);
        investigation.inspections.addAll(
                linkedInspections.stream().map(Inspection::id).sorted().toList());
        investigation.events++;
        return true;
    }

    private static boolean recordOutcome(ApiClient api, Random random, Modelled investigation, long seed) {
        String outcome =
                pick(random, List.of("CRIMINAL_REFERRAL", "CIVIL_LITIGATION", "ADMINISTRATIVE_ACTION", "NO_ACTION"));
        Response recorded = api.post(
                investigation.lead,
                "/api/v1/investigations/" + investigation.id + "/outcome",
                "{\"outcome\":\"" + outcome + "\",\"details\":\"model check\"}");
        assertThat(recorded.status())
                .as("outcome of %s (seed %d): %s", investigation.id, seed, recorded.body())
                .isEqualTo(investigation.closed ? 409 : 200);
        if (investigation.closed) {
            return false;
        }
        investigation.outcomes.add(outcome);
        investigation.events++;
        return true;
    }

    private static boolean close(ApiClient api, Modelled investigation, long seed) {
        Response closed = api.post(
                investigation.lead,
                "/api/v1/investigations/" + investigation.id + "/closure",
                "{\"reason\":\"model check\"}");
        assertThat(closed.status())
                .as("closure of %s (seed %d): %s", investigation.id, seed, closed.body())
                .isEqualTo(investigation.closed ? 409 : 200);
        if (investigation.closed) {
            return false;
        }
        investigation.closed = true;
        investigation.events++;
        return true;
    }

    private boolean readModelHolds(Modelled investigation) {
        Long rows = jdbc.queryForObject(
                "select count(*) from investigation_view v where v.investigation_id = ? and v.status = ?"
                        + " and (select count(*) from investigation_evidence e where e.investigation_id = v.investigation_id) = ?"
                        + " and (select count(*) from investigation_inspection i where i.investigation_id = v.investigation_id) = ?"
                        + " and (select count(*) from investigation_outcome o where o.investigation_id = v.investigation_id) = ?",
                Long.class,
                investigation.id,
                investigation.status(),
                investigation.shares.size(),
                investigation.inspections.size(),
                investigation.outcomes.size());
        return rows != null && rows == 1;
    }

    private static void compareRead(Reader reader, Modelled investigation, Access access, JsonNode view, String what) {
        assertThat(view.get("investigationId").asText()).as(what).isEqualTo(investigation.id);
        assertThat(view.get("access").asText()).as(what).isEqualTo(access.name());
        assertThat(view.get("status").asText()).as(what).isEqualTo(investigation.status());
        assertThat(view.get("leadAgency").asText()).as(what).isEqualTo(investigation.lead);
        List<String> outcomes = new ArrayList<>();
        view.get("outcomes")
                .forEach(outcome -> outcomes.add(outcome.get("outcome").asText()));
        assertThat(outcomes).as(what).isEqualTo(investigation.outcomes);
        if (investigation.outcomes.isEmpty()) {
            assertThat(view.has("outcome")).as(what).isFalse();
        } else {
            assertThat(view.get("outcome").asText())
                    .as(what)
                    .isEqualTo(investigation.outcomes.get(investigation.outcomes.size() - 1));
        }
        if (access == Access.FULL) {
            assertThat(view.get("title").asText()).as(what).isEqualTo("model check");
            assertThat(strings(view.get("shareIds")))
                    .as(what)
                    .isEqualTo(investigation.shares.stream().map(PoolShare::id).toList());
            assertThat(strings(view.get("inspectionIds"))).as(what).isEqualTo(investigation.inspections);
            assertThat(view.get("records")).as(what).hasSize(investigation.events);
        } else {
            // Feedback: the reader's own linked shares and the outcome records, nothing of the case.
            assertThat(view.has("title")).as(what).isFalse();
            assertThat(view.has("subjects")).as(what).isFalse();
            assertThat(view.has("inspectionIds")).as(what).isFalse();
            assertThat(strings(view.get("shareIds")))
                    .as(what)
                    .isEqualTo(investigation.shares.stream()
                            .filter(share -> share.provider().equals(reader.id()))
                            .map(PoolShare::id)
                            .toList());
            assertThat(view.get("records").findValuesAsText("recordType"))
                    .as(what)
                    .hasSize(investigation.outcomes.size())
                    .containsOnly("InvestigationOutcomeRecorded");
        }
    }

    /**
     * Walks every page of one list and compares this run's investigations in it with the reference
     * (visible ones of the status asked for, each with the access the reader has), newest first,
     * none twice. Answers the number of compared cases (one per investigation of this run).
     */
    private static int compareList(
            ApiClient api,
            int limit,
            Reader reader,
            boolean mayRead,
            String query,
            Map<String, Modelled> investigations,
            long seed) {
        String what = reader.id() + " listing ?" + query + " by " + limit + " (seed " + seed + ")";
        if (!mayRead) {
            assertThat(api.get(reader.id(), "/api/v1/investigations?" + query).status())
                    .as(what)
                    .isEqualTo(403);
            return investigations.size();
        }
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            Response page = api.get(
                    reader.id(),
                    "/api/v1/investigations?" + query + "&limit=" + limit
                            + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(what + ": " + page.body()).isEqualTo(200);
            assertThat(page.json().get("investigations").size()).as(what).isLessThanOrEqualTo(limit);
            page.json().get("investigations").forEach(items::add);
            cursor = page.json().get("next").isNull()
                    ? null
                    : page.json().get("next").asText();
        } while (cursor != null);

        List<String> ids =
                items.stream().map(item -> item.get("investigationId").asText()).toList();
        assertThat(ids).as(what + " repeats nothing").doesNotHaveDuplicates();
        for (int i = 1; i < items.size(); i++) {
            assertThat(Instant.parse(items.get(i - 1).get("openedAt").asText()))
                    .as(what + " newest first")
                    .isAfterOrEqualTo(Instant.parse(items.get(i).get("openedAt").asText()));
        }
        String status =
                query.isEmpty() ? null : query.substring("status=".length()).toUpperCase(java.util.Locale.ROOT);
        Set<String> expected = new HashSet<>();
        for (Modelled investigation : investigations.values()) {
            if (access(reader, investigation) != Access.NONE
                    && (status == null || investigation.status().equals(status))) {
                expected.add(investigation.id);
            }
        }
        Set<String> ours = ids.stream().filter(investigations::containsKey).collect(Collectors.toSet());
        assertThat(ours).as(what).isEqualTo(expected);
        for (JsonNode item : items) {
            Modelled investigation =
                    investigations.get(item.get("investigationId").asText());
            if (investigation != null) {
                assertThat(item.get("access").asText())
                        .as(what)
                        .isEqualTo(access(reader, investigation).name());
                assertThat(item.get("status").asText()).as(what).isEqualTo(investigation.status());
            }
        }
        return investigations.size();
    }

    private static String json(List<String> values) {
        return ApiClient.JSON.valueToTree(values).toString();
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
