package io.interdict.gateway.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interdict.gateway.InterdictGateway;
import io.interdict.gateway.startup.InvalidSettingException;
import io.interdict.gateway.support.GatewayArguments;
import io.interdict.gateway.support.ProbeRecorded;
import io.interdict.gateway.support.Probes;
import io.interdict.gateway.support.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The gateway keeps its data across a stop and a start (issue 2, "Done when"). */
class RestartIT {

    @TempDir
    Path dataDir;

    @Test
    void anEventStoredBeforeARestartIsReadAfterItAndTheGlobalIndexContinuesByOne() {
        Map<String, Object> database = TestDatabases.freshDatabaseProperties();

        String probeId;
        long lastIndexBefore;
        try (ConfigurableApplicationContext gateway = start(database)) {
            probeId = Probes.append(eventStore(gateway), transactions(gateway), "before restart");
            lastIndexBefore = maxGlobalIndex(gateway);
        }

        try (ConfigurableApplicationContext gateway = start(database)) {
            List<? extends DomainEventMessage<?>> events =
                    eventStore(gateway).readEvents(probeId).asStream().toList();
            assertThat(events)
                    .singleElement()
                    .extracting(DomainEventMessage::getPayload)
                    .isEqualTo(new ProbeRecorded(probeId, "before restart"));

            Probes.append(eventStore(gateway), transactions(gateway), "after restart");
            assertThat(maxGlobalIndex(gateway)).isEqualTo(lastIndexBefore + 1);
        }
        if (!TestDatabases.external()) {
            assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
        }
    }

    @Test
    void aSecondGatewayOnTheSameEmbeddedDatabaseIsRefused() {
        if (TestDatabases.external()) {
            // The external pass has no embedded database to share; the embedded pass runs this test.
            return;
        }
        try (ConfigurableApplicationContext gateway = start(Map.of())) {
            assertThat(gateway.isRunning()).isTrue();
            assertThatThrownBy(() -> start(Map.of()))
                    .rootCause()
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining("interdict.data-dir")
                    .hasMessageContaining("in use by another gateway process");
        }
    }

    private ConfigurableApplicationContext start(Map<String, Object> database) {
        return new SpringApplicationBuilder(InterdictGateway.class)
                .run(GatewayArguments.of(database, Map.of("interdict.data-dir", dataDir, "server.port", 0)));
    }

    private static EventStore eventStore(ConfigurableApplicationContext gateway) {
        return gateway.getBean(EventStore.class);
    }

    private static PlatformTransactionManager transactions(ConfigurableApplicationContext gateway) {
        return gateway.getBean(PlatformTransactionManager.class);
    }

    private static long maxGlobalIndex(ConfigurableApplicationContext gateway) {
        return gateway.getBean(JdbcTemplate.class)
                .queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }
}
