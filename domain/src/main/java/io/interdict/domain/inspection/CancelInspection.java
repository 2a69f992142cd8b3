package io.interdict.domain.inspection;

import io.interdict.domain.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requesting agency or a border authority cancels the request; it is then finished. */
public record CancelInspection(@TargetAggregateIdentifier String inspectionId, String reason, Actor actor) {}
