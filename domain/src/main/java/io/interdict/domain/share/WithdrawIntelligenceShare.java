package io.interdict.domain.share;

import io.interdict.domain.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws a share for good; its audience still sees it, marked withdrawn. Provider only. */
public record WithdrawIntelligenceShare(
        @TargetAggregateIdentifier String shareId, String reason, Actor actor) {}
