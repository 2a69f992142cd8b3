package io.interdict.domain.common;

import java.time.Instant;

/** What every event records (PRODUCT.md §2): the partner who caused it and when. */
public interface DomainEvent {

    /** The id of the partner whose command produced the event. */
    String actor();

    /** When the event happened, from the command handler's injected clock. */
    Instant occurredAt();
}
