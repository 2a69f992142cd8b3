package io.interdict.domain.agreement;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An operator revoked a sharing agreement; from {@code occurredAt} on it covers nothing. */
@Revision("1")
public record SharingAgreementRevoked(String agreementId, String reason, String actor, Instant occurredAt)
        implements SharingAgreementEvent {}
