package io.interdict.gateway.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.domain.common.Actor;
import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import io.interdict.domain.partner.ReinstatePartner;
import io.interdict.domain.partner.SuspendPartner;
import io.interdict.domain.policy.AgreementFact;
import io.interdict.domain.policy.ShareVisibilityPolicy;
import io.interdict.domain.policy.ShareVisibilityPolicy.Reader;
import io.interdict.domain.policy.ShareVisibilityPolicy.ShareFacts;
import io.interdict.domain.policy.SharingAgreementPolicy;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.ApiClient.Response;
import io.interdict.gateway.support.GatewayIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Model-based check of PRODUCT.md §3 for shares: random pushes (providers, markings, audiences —
 * some not covered by an agreement), random withdrawals, a suspension, and every reader's GET and
 * feed compared with the plain reference implementation in the domain ({@link
 * ShareVisibilityPolicy}, {@link SharingAgreementPolicy}). The seed is logged; set
 * {@code -Dinterdict.model.seed=…} to replay a run.
 */
class ShareVisibilityModelIT extends GatewayIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(ShareVisibilityModelIT.class);
    private static final List<String> PROVIDERS = List.of("amazon", "dhl");
    private static final List<String> RECIPIENTS = List.of("ipr-center", "cbp", "amazon", "dhl", "auditor");
    private static final Map<String, PartnerKind> READERS = new LinkedHashMap<>();

    static {
        READERS.put("amazon", PartnerKind.SIGNAL_PROVIDER);
        READERS.put("dhl", PartnerKind.SIGNAL_PROVIDER);
        READERS.put("ipr-center", PartnerKind.INVESTIGATOR);
        READERS.put("cbp", PartnerKind.BORDER_AUTHORITY);
        READERS.put("auditor", PartnerKind.AUDITOR);
    }

    /** The demo agreements (bootstrap file): amazon and dhl to ipr-center and cbp, all kinds, up to TLP:AMBER. */
    private static final List<AgreementFact> DEMO_AGREEMENTS = demoAgreements();

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    private record Pushed(String shareId, ShareFacts facts) {}

    @Test
    void everyReadAndEveryFeedAgreesWithTheReferenceImplementationOfSection3() {
        long seed = Long.getLong("interdict.model.seed", System.nanoTime());
        log.info("ShareVisibilityModelIT seed {}", seed);
        Random random = new Random(seed);
        ApiClient api = new ApiClient(port);
        String marker = "MODEL-" + UUID.randomUUID();
        ShareVisibilityPolicy visibility = new ShareVisibilityPolicy();
        SharingAgreementPolicy agreements = new SharingAgreementPolicy();

        List<Pushed> shares = new ArrayList<>();
        int refusalsPredicted = 0;
        for (int i = 0; shares.size() < 150 && i < 1000; i++) {
            String provider = PROVIDERS.get(random.nextInt(PROVIDERS.size()));
            Tlp marking = Tlp.values()[random.nextInt(Tlp.values().length)];
            Set<String> audience = new LinkedHashSet<>();
            for (String recipient : RECIPIENTS) {
                if (!recipient.equals(provider) && random.nextInt(4) == 0) {
                    audience.add(recipient);
                }
            }
            boolean allowed = agreements
                    .decide(provider, audience, RecordKind.FRAUD, marking, Instant.now(), DEMO_AGREEMENTS)
                    .allowed();
            Response pushed = api.post(provider, "/api/v1/shares", body(marking, audience, marker + "-" + i));
            assertThat(pushed.status())
                    .as("push by %s of %s to %s: %s", provider, marking.label(), audience, pushed.body())
                    .isEqualTo(allowed ? 201 : 422);
            if (!allowed) {
                refusalsPredicted++;
                continue;
            }
            String shareId = pushed.json().get("aggregateId").asText();
            boolean withdrawn = random.nextInt(5) == 0;
            if (withdrawn) {
                Response withdrawal =
                        api.post(provider, "/api/v1/shares/" + shareId + "/withdrawal", "{\"reason\":\"model check\"}");
                assertThat(withdrawal.status()).as(withdrawal.body()).isBetween(200, 201);
            }
            shares.add(new Pushed(shareId, new ShareFacts(provider, marking, audience, withdrawn)));
        }
        // Every share is visible to its provider once the read model has it.
        for (Pushed share : shares) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> api.get(share.facts().provider(), "/api/v1/shares/" + share.shareId())
                                    .status()
                            == 200);
        }

        int cases = 0;
        for (Map.Entry<String, PartnerKind> reader : READERS.entrySet()) {
            Reader model = new Reader(reader.getKey(), reader.getValue(), false, true);
            Set<String> expectedInFeed = new HashSet<>();
            for (Pushed share : shares) {
                boolean visible =
                        visibility.decide(model, share.facts(), Set.of()).visible();
                Response read = api.get(reader.getKey(), "/api/v1/shares/" + share.shareId());
                assertThat(read.status())
                        .as("%s reading %s (seed %d)", reader.getKey(), share.facts(), seed)
                        .isEqualTo(visible ? 200 : 404);
                if (visible) {
                    expectedInFeed.add(share.shareId());
                }
                cases++;
            }
            Set<String> ours = shares.stream().map(Pushed::shareId).collect(java.util.stream.Collectors.toSet());
            int limit = 1 + random.nextInt(1000);
            // Records reach the feed once the Merkle log holds them: read until all have arrived,
            // and never let a record the reference hides appear on the way.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Set<String> inFeed = new HashSet<>();
                List<String> recordIds = new ArrayList<>();
                String cursor = null;
                while (true) {
                    Response page = api.get(
                            reader.getKey(),
                            "/api/v1/feed?limit=" + limit + (cursor == null ? "" : "&after=" + cursor));
                    assertThat(page.status()).isEqualTo(200);
                    JsonNode records = page.json().get("records");
                    for (JsonNode record : records) {
                        recordIds.add(record.get("recordId").asText());
                        if (ours.contains(record.get("aggregateId").asText())) {
                            inFeed.add(record.get("aggregateId").asText());
                        }
                    }
                    if (records.isEmpty()) {
                        break;
                    }
                    cursor = page.json().get("next").asText();
                }
                assertThat(recordIds)
                        .as("feed of %s repeats nothing", reader.getKey())
                        .doesNotHaveDuplicates();
                assertThat(expectedInFeed)
                        .as("feed of %s shows only what the reference allows (seed %d)", reader.getKey(), seed)
                        .containsAll(inFeed);
                assertThat(inFeed)
                        .as("feed of %s (seed %d)", reader.getKey(), seed)
                        .isEqualTo(expectedInFeed);
            });
            cases += shares.size();
        }

        // A suspended partner is refused everywhere (403), whatever it could see before.
        Actor operator = Actor.of("operator", PartnerKind.OPERATOR);
        commands.sendAndWait(new SuspendPartner("cbp", "model check", operator));
        try {
            for (Pushed share : shares) {
                assertThat(api.get("cbp", "/api/v1/shares/" + share.shareId()).status())
                        .isEqualTo(403);
                cases++;
            }
            assertThat(api.get("cbp", "/api/v1/feed").status()).isEqualTo(403);
        } finally {
            commands.sendAndWait(new ReinstatePartner("cbp", "model check done", operator));
        }

        log.info(
                "ShareVisibilityModelIT: {} cases, {} shares, {} refused pushes",
                cases,
                shares.size(),
                refusalsPredicted);
        assertThat(shares).hasSize(150);
        assertThat(cases).isEqualTo(150 * (2 * READERS.size() + 1));
        assertThat(refusalsPredicted)
                .as("some pushes needed an agreement nobody has")
                .isPositive();
    }

    private static String body(Tlp marking, Set<String> audience, String seller) {
        StringBuilder recipients = new StringBuilder("[");
        for (String recipient : audience) {
            recipients
                    .append(recipients.length() > 1 ? "," : "")
                    .append('"')
                    .append(recipient)
                    .append('"');
        }
        recipients.append(']');
        return "{\"kind\":\"FRAUD\",\"marking\":\"" + marking.label() + "\",\"audience\":" + recipients
                + ",\"subject\":{\"sellerAccount\":\"" + seller + "\"},\"indicators\":[\"model\"],\"confidence\":50}";
    }

    private static List<AgreementFact> demoAgreements() {
        List<AgreementFact> facts = new ArrayList<>();
        for (String provider : PROVIDERS) {
            for (String recipient : List.of("ipr-center", "cbp")) {
                facts.add(new AgreementFact(
                        provider + "->" + recipient,
                        provider,
                        recipient,
                        EnumSet.allOf(RecordKind.class),
                        Tlp.AMBER,
                        Instant.parse("2026-01-01T00:00:00Z"),
                        null,
                        null));
            }
        }
        return facts;
    }
}
