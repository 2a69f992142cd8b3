package io.interdict.domain.access;

import io.interdict.domain.common.DomainEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A partner was given these signed records in one response (PRODUCT.md §3: "every record that a
 * partner reads through the API is logged as an audit event, batched per response"). Recorded
 * before the response leaves the gateway, so the history answers who saw what, and when.
 *
 * @param accessId the id of this access, also the event's aggregate id
 * @param reader the partner that read
 * @param request what was asked, e.g. "GET /api/v1/shares/5d1e…" (no tokens, no query secrets)
 * @param recordIds the recordId of every signed record in the response, in response order
 * @param actor the partner that read (every event names who caused it)
 * @param occurredAt when the records were handed over
 */
@Revision("1")
public record RecordsRead(
        String accessId, String reader, String request, List<String> recordIds, String actor, Instant occurredAt)
        implements DomainEvent {

    public RecordsRead {
        recordIds = List.copyOf(recordIds);
    }
}
