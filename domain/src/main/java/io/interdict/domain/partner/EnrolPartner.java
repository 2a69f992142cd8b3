package io.interdict.domain.partner;

import io.interdict.domain.common.Actor;
import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.PartnerRole;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Enrols a partner with the exchange; only an operator may. */
public record EnrolPartner(
        @TargetAggregateIdentifier String partnerId,
        PartnerKind kind,
        String displayName,
        Set<PartnerRole> roles,
        Actor actor) {}
