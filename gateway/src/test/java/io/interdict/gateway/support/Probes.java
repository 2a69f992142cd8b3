package io.interdict.gateway.support;

import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Appends probe events through Axon's event store, each in its own database transaction. */
public final class Probes {

    private Probes() {}

    public static String append(EventStore eventStore, PlatformTransactionManager transactions, String note) {
        String probeId = UUID.randomUUID().toString();
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> eventStore.publish(
                        new GenericDomainEventMessage<>("Probe", probeId, 0, new ProbeRecorded(probeId, note))));
        return probeId;
    }
}
