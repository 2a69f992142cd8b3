package io.interdict.gateway.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.interdict.config.ProcessorSettings;
import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.ProbeProjection;
import io.interdict.gateway.support.ProbeRecorded;
import io.interdict.gateway.support.Probes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

class EventStoreIT extends GatewayIntegrationTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ProbeProjection projection;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProcessorSettings processorSettings;

    @Test
    void eventsAppendedThroughAxonAreDeliveredByAPooledStreamingProcessor() {
        String first = Probes.append(eventStore, transactions, "first");
        String second = Probes.append(eventStore, transactions, "second");

        assertThat(processing.eventProcessor("foundation-probe"))
                .get()
                .isInstanceOf(PooledStreamingEventProcessor.class);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(projection.seen())
                        .extracting(seen -> seen.event().probeId())
                        .contains(first, second));
    }

    /**
     * A handler that throws does not lose the event: the batch is rolled back and the segment
     * retries it (Axon's default would log the failure and go on without the event).
     */
    @Test
    void anEventWhoseHandlerFailsIsRetriedNotSkipped() {
        String failing = Probes.append(eventStore, transactions, ProbeProjection.FAIL_ONCE + "retry");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> projection.seen().stream()
                        .anyMatch(seen -> seen.event().probeId().equals(failing)));
        assertThat(projection.attempts(failing)).isEqualTo(2);
    }

    @Test
    void anAppendedEventReadsBackWithItsPayloadAndRevision() {
        String probeId = Probes.append(eventStore, transactions, "read back");

        List<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(probeId).asStream().toList();

        assertThat(events).hasSize(1);
        assertThat(events.get(0).getPayload()).isEqualTo(new ProbeRecorded(probeId, "read back"));
        assertThat(jdbc.queryForObject(
                        "select payload_revision from domain_event_entry where aggregate_identifier = ?",
                        String.class,
                        probeId))
                .isEqualTo("1");
    }

    @Test
    void payloadsAreStoredAsByteaAndNoLargeObjectIsCreated() {
        Probes.append(eventStore, transactions, "bytea");

        List<String> types = jdbc.queryForList(
                "select data_type from information_schema.columns where table_name in"
                        + " ('domain_event_entry', 'snapshot_event_entry', 'token_entry', 'saga_entry',"
                        + " 'dead_letter_entry') and column_name in ('payload', 'meta_data', 'token',"
                        + " 'serialized_saga', 'diagnostics')",
                String.class);
        assertThat(types).isNotEmpty().containsOnly("bytea");
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class))
                .isZero();
        String payload = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8') from domain_event_entry where payload_type = ?"
                        + " order by global_index desc limit 1",
                String.class,
                ProbeRecorded.class.getName());
        assertThat(payload).contains("\"note\":\"bytea\"");
    }

    @Test
    void theGlobalIndexStepsByOne() {
        Probes.append(eventStore, transactions, "step 1");
        Probes.append(eventStore, transactions, "step 2");
        Probes.append(eventStore, transactions, "step 3");

        List<Long> last = jdbc.queryForList(
                "select global_index from domain_event_entry order by global_index desc limit 3", Long.class);
        assertThat(last.get(0) - last.get(1)).isEqualTo(1);
        assertThat(last.get(1) - last.get(2)).isEqualTo(1);
    }

    @Test
    void theEventStoreRefusesUpdateDeleteAndTruncate() {
        String probeId = Probes.append(eventStore, transactions, "immutable");

        assertThatThrownBy(() -> jdbc.update(
                        "update domain_event_entry set payload_revision = '2' where aggregate_identifier = ?", probeId))
                .rootCause()
                .hasMessageContaining("UPDATE on public.domain_event_entry refused: the table is append-only");
        assertThatThrownBy(() -> jdbc.update("delete from domain_event_entry where aggregate_identifier = ?", probeId))
                .rootCause()
                .hasMessageContaining("DELETE on public.domain_event_entry refused");
        assertThatThrownBy(() -> jdbc.execute("truncate domain_event_entry"))
                .rootCause()
                .hasMessageContaining("TRUNCATE on public.domain_event_entry refused");
        assertThat(eventStore.readEvents(probeId).asStream().count()).isEqualTo(1);
    }

    @Test
    void processorTokensAreKeptInTheSameDatabase() {
        Probes.append(eventStore, transactions, "token");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "select count(*) from token_entry where processor_name = 'foundation-probe'",
                                Long.class))
                        .isPositive());
    }

    /**
     * Every processor's stream is split into {@code interdict.processors.initial-segments} (4 by
     * default) segments when its tokens are first made, not into Axon's default 16: each segment is
     * a work package that every event is offered to and that commits its own transactions.
     */
    @Test
    void everyProcessorIsSplitIntoTheConfiguredNumberOfSegments() {
        assertThat(processorSettings.initialSegments()).isEqualTo(4);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> segments = jdbc.queryForList(
                    "select processor_name, count(*) as segments from token_entry group by processor_name");
            assertThat(segments)
                    .extracting(row -> row.get("processor_name"))
                    .contains("shares", "inspections", "investigations", "partner-directory", "foundation-probe");
            assertThat(segments)
                    .allSatisfy(row -> assertThat(((Number) row.get("segments")).intValue())
                            .as("segments of %s", row.get("processor_name"))
                            .isEqualTo(4));
        });
    }
}
