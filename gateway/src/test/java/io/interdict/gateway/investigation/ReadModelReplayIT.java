package io.interdict.gateway.investigation;

import static io.interdict.gateway.support.LifecycleSteps.READ_MODEL;
import static io.interdict.gateway.support.LifecycleSteps.inspection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.LifecycleSteps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A replay of the event store rebuilds the inspection and investigation read models row for row. */
class ReadModelReplayIT extends GatewayIntegrationTest {

    private static final List<String> TABLES = List.of(
            "inspection_view",
            "investigation_view",
            "investigation_evidence",
            "investigation_inspection",
            "investigation_outcome");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aReplayRebuildsIdenticalTables() {
        ApiClient api = new ApiClient(port);
        LifecycleSteps steps = new LifecycleSteps(api, jdbc, commands);
        String inspectionId = steps.requestInspection("ipr-center", inspection("dhl", "[]"));
        assertThat(api.post("dhl", "/api/v1/inspections/" + inspectionId + "/acknowledgement", "{}")
                        .status())
                .isEqualTo(200);
        for (String when : List.of("2026-12-01T08:00:00Z", "2026-12-02T09:30:00Z")) {
            assertThat(api.post(
                                    "cbp",
                                    "/api/v1/inspections/" + inspectionId + "/schedule",
                                    "{\"scheduledFor\":\"" + when + "\"}")
                            .status())
                    .isEqualTo(200);
        }
        String investigationId = steps.openInvestigation("ipr-center");
        assertThat(api.post(
                                "ipr-center",
                                "/api/v1/investigations/" + investigationId + "/evidence",
                                "{\"inspectionIds\":[\"" + inspectionId + "\"]}")
                        .status())
                .isEqualTo(200);
        for (String outcome : List.of("ADMINISTRATIVE_ACTION", "CRIMINAL_REFERRAL")) {
            assertThat(api.post(
                                    "ipr-center",
                                    "/api/v1/investigations/" + investigationId + "/outcome",
                                    "{\"outcome\":\"" + outcome + "\"}")
                            .status())
                    .isEqualTo(200);
        }
        await().atMost(READ_MODEL)
                .until(() -> "CRIMINAL_REFERRAL"
                        .equals(jdbc.queryForObject(
                                "select outcome from investigation_view where investigation_id = ?",
                                String.class,
                                investigationId)));
        await().atMost(READ_MODEL)
                .until(() -> jdbc.queryForObject(
                        "select scheduled_for = '2026-12-02T09:30:00Z' from inspection_view"
                                + " where inspection_id = ?",
                        Boolean.class,
                        inspectionId));
        Map<String, List<String>> before = snapshot();

        for (Map.Entry<String, String> processorTable : Map.of(
                        "inspections", "inspection_view", "investigations", "investigation_view")
                .entrySet()) {
            PooledStreamingEventProcessor processor = processing
                    .eventProcessor(processorTable.getKey(), PooledStreamingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            // The reset handler emptied the read model; only the replay can fill it again.
            assertThat(jdbc.queryForObject("select count(*) from " + processorTable.getValue(), Long.class))
                    .isZero();
            processor.start();
        }

        await().atMost(READ_MODEL).until(() -> snapshot().equals(before));
        assertThat(before.get("investigation_outcome")).hasSizeGreaterThanOrEqualTo(2);
    }

    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(
                    table,
                    jdbc.queryForList(
                            "select row_to_json(t)::text as r from " + table + " t order by 1", String.class));
        }
        return tables;
    }
}
