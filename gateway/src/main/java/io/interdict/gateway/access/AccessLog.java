package io.interdict.gateway.access;

import io.interdict.audit.record.SignedRecord;
import io.interdict.domain.access.RecordsRead;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records, as an event, which signed records a partner is about to be given (PRODUCT.md §3). It is
 * called before the response is written and fails the request if it cannot record: no record
 * leaves the gateway unlogged. The event is notarised and enters the Merkle log like any other.
 */
@Component
public class AccessLog {

    static final String AGGREGATE_TYPE = "RecordAccess";

    private final EventStore eventStore;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AccessLog(EventStore eventStore, PlatformTransactionManager transactionManager, Clock clock) {
        this.eventStore = eventStore;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public void recordsRead(String reader, String request, List<SignedRecord> records) {
        recordIdsRead(
                reader, request, records.stream().map(SignedRecord::recordId).toList());
    }

    /** {@link #recordsRead}, given the records' ids. */
    public void recordIdsRead(String reader, String request, List<String> recordIds) {
        if (recordIds.isEmpty()) {
            return;
        }
        String accessId = UUID.randomUUID().toString();
        RecordsRead event = new RecordsRead(accessId, reader, request, List.copyOf(recordIds), reader, clock.instant());
        transactions.executeWithoutResult(
                status -> eventStore.publish(new GenericDomainEventMessage<>(AGGREGATE_TYPE, accessId, 0, event)));
    }
}
