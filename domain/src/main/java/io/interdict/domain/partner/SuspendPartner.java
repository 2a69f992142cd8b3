package io.interdict.domain.partner;

import io.interdict.domain.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Suspends a partner: it can neither push nor pull until reinstated. Operator only. */
public record SuspendPartner(@TargetAggregateIdentifier String partnerId, String reason, Actor actor) {}
