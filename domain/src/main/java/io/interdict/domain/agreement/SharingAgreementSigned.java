package io.interdict.domain.agreement;

import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** An operator recorded a sharing agreement; {@code validUntil} is null for an open-ended one. */
@Revision("1")
public record SharingAgreementSigned(
        String agreementId,
        String provider,
        String recipient,
        Set<RecordKind> kinds,
        Tlp maxMarking,
        Instant validFrom,
        Instant validUntil,
        String actor,
        Instant occurredAt)
        implements SharingAgreementEvent {}
