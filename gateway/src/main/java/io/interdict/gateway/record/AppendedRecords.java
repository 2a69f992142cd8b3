package io.interdict.gateway.record;

import io.interdict.audit.record.SignedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The signed records of the events a command stored, taken from the events themselves instead of
 * read back from the event store: a write answers without another round trip to the database.
 *
 * <p>The event store hands its subscribers the very messages it has just appended, on the thread
 * committing the command's unit of work (which, with Axon's simple command bus, is the thread that
 * sent the command), after the storage engine wrote them and before the transaction commits. The
 * record is rebuilt from the payload and metadata bytes the storage engine serialised for the row
 * ({@link SignedRecords#rebuild}), so it is byte for byte the record a later read returns. A caller
 * uses them only once the command returned without an exception, that is, once they are committed
 * (or, inside a caller's own transaction, once that transaction commits).
 */
@Component
public class AppendedRecords {

    private static final ThreadLocal<List<EventMessage<?>>> APPENDED = new ThreadLocal<>();

    private final SignedRecords records;
    private final Serializer eventSerializer;

    AppendedRecords(SignedRecords records, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.records = records;
        this.eventSerializer = eventSerializer;
    }

    /**
     * Runs {@code send}, which sends a command and waits for it, and returns the records of the
     * events of {@code aggregateId} that the event store appended meanwhile on this thread, in
     * order. Empty when the command was handled on another thread (a command bus that is not
     * synchronous): the caller then reads the records from the store.
     */
    public List<SignedRecord> of(String aggregateId, Runnable send) {
        List<EventMessage<?>> outer = APPENDED.get();
        List<EventMessage<?>> appended = new ArrayList<>();
        APPENDED.set(appended);
        try {
            send.run();
        } finally {
            if (outer == null) {
                APPENDED.remove();
            } else {
                APPENDED.set(outer);
            }
        }
        List<SignedRecord> of = new ArrayList<>(appended.size());
        for (EventMessage<?> message : appended) {
            if (message instanceof DomainEventMessage<?> event && aggregateId.equals(event.getAggregateIdentifier())) {
                of.add(record(event));
            }
        }
        return of;
    }

    /** The event store's subscriber: notes what it appended while a caller on this thread is waiting. */
    Consumer<List<? extends EventMessage<?>>> subscriber() {
        return messages -> {
            List<EventMessage<?>> appended = APPENDED.get();
            if (appended != null) {
                appended.addAll(messages);
            }
        };
    }

    private SignedRecord record(DomainEventMessage<?> event) {
        // The serialised forms are the ones the storage engine made for the row (Axon keeps them on
        // the message per serializer), the time stamp is formatted as the engine stores it.
        var payload = event.serializePayload(eventSerializer, byte[].class);
        byte[] metaData = event.serializeMetaData(eventSerializer, byte[].class).getData();
        return records.rebuild(
                event.getIdentifier(),
                payload.getType().getName(),
                event.getAggregateIdentifier(),
                event.getSequenceNumber(),
                DateTimeUtils.formatInstant(event.getTimestamp()),
                payload.getData(),
                metaData);
    }
}
