package io.interdict.domain.partner;

import io.interdict.domain.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes one of the partner's own signing keys, for good. */
public record RevokePartnerSigningKey(
        @TargetAggregateIdentifier String partnerId, String kid, String reason, Actor actor) {}
