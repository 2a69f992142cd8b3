package io.interdict.domain.partner;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An operator lifted a partner's suspension. */
@Revision("1")
public record PartnerReinstated(String partnerId, String reason, String actor, Instant occurredAt)
        implements PartnerEvent {}
