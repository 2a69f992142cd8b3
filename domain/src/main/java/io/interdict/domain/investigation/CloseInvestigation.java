package io.interdict.domain.investigation;

import io.interdict.domain.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes the investigation for good; {@code reason} is optional. Lead agency only. */
public record CloseInvestigation(@TargetAggregateIdentifier String investigationId, String reason, Actor actor) {}
