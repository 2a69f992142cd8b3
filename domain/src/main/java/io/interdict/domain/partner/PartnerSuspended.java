package io.interdict.domain.partner;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An operator suspended a partner. */
@Revision("1")
public record PartnerSuspended(String partnerId, String reason, String actor, Instant occurredAt)
        implements PartnerEvent {}
