package io.interdict.gateway.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.ProbeProjection;
import io.interdict.gateway.support.ProbeRecorded;
import io.interdict.gateway.support.Probes;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that holds a global index while later events commit leaves a gap in the event
 * store; the processors' tokens wait for gaps for Axon's gap timeout (60 s) and then give up on
 * them. The database bounds every statement and every idle transaction at 30 s, so no event
 * transaction outlives the gap timeout, and a slow one is still delivered (NOTES-STACK.md).
 */
class SlowTransactionIT extends GatewayIntegrationTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ProbeProjection projection;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyPooledConnectionBoundsStatementsAndIdleTransactionsWellBelowTheGapTimeout() {
        assertThat(jdbc.queryForObject("show statement_timeout", String.class)).isEqualTo("30s");
        assertThat(jdbc.queryForObject("show idle_in_transaction_session_timeout", String.class))
                .isEqualTo("30s");
    }

    @Test
    void anEventWhoseTransactionCommitsLateIsStillDeliveredAfterLaterEvents() throws Exception {
        String slowId = UUID.randomUUID().toString();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> slow =
                CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    eventStore.publish(new GenericDomainEventMessage<>(
                            "Probe", slowId, 0, new ProbeRecorded(slowId, "slow transaction")));
                    // Axon flushes the insert at once: the global index is taken, the commit waits.
                    appended.countDown();
                    try {
                        // Held open, idle in transaction, for a few seconds: well below the 30 s bound.
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(appended.await(20, TimeUnit.SECONDS)).isTrue();

        String laterId = Probes.append(eventStore, transactions, "committed while the slow one is open");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> projection.seen().stream()
                        .anyMatch(seen -> seen.event().probeId().equals(laterId)));
        assertThat(projection.seen()).noneMatch(seen -> seen.event().probeId().equals(slowId));
        // The processor went past the open transaction's index; it now keeps it as a gap for a while.
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);

        release.countDown();
        slow.get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> projection.seen().stream()
                        .anyMatch(seen -> seen.event().probeId().equals(slowId)));
        long slowIndex = globalIndexOf(slowId);
        long laterIndex = globalIndexOf(laterId);
        assertThat(slowIndex)
                .as("the slow event took its index before the later one")
                .isLessThan(laterIndex);
    }

    private long globalIndexOf(String aggregateId) {
        return jdbc.queryForObject(
                "select global_index from domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId);
    }
}
