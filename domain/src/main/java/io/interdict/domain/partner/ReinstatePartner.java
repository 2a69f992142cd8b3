package io.interdict.domain.partner;

import io.interdict.domain.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lifts a partner's suspension. Operator only. */
public record ReinstatePartner(@TargetAggregateIdentifier String partnerId, String reason, Actor actor) {}
