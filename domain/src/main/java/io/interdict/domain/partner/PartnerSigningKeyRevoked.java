package io.interdict.domain.partner;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A partner revoked one of its signing keys; it stays listed with this revocation time. */
@Revision("1")
public record PartnerSigningKeyRevoked(String partnerId, String kid, String reason, String actor, Instant occurredAt)
        implements PartnerEvent {}
