package io.interdict.domain.investigation;

import io.interdict.domain.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records what the investigation led to. Lead agency only. */
public record RecordInvestigationOutcome(
        @TargetAggregateIdentifier String investigationId, InvestigationOutcome outcome, String details, Actor actor) {}
