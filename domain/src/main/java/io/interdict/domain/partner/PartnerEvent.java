package io.interdict.domain.partner;

import io.interdict.domain.common.DomainEvent;

/** The events of the {@link Partner} aggregate. */
public sealed interface PartnerEvent extends DomainEvent
        permits PartnerEnrolled,
                PartnerSigningKeyRegistered,
                PartnerSigningKeyRevoked,
                PartnerSuspended,
                PartnerReinstated {

    String partnerId();
}
