package io.interdict.domain.agreement;

import io.interdict.domain.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes an agreement for good; it cannot be revived. Operator only. */
public record RevokeSharingAgreement(
        @TargetAggregateIdentifier String agreementId, String reason, Actor actor) {}
