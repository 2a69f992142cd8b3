package io.interdict.domain.partner;

import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.PartnerRole;
import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** A partner was enrolled with its kind, display name and trade roles. */
@Revision("1")
public record PartnerEnrolled(
        String partnerId,
        PartnerKind kind,
        String displayName,
        Set<PartnerRole> roles,
        String actor,
        Instant occurredAt)
        implements PartnerEvent {}
