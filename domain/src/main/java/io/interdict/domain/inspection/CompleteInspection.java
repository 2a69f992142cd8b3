package io.interdict.domain.inspection;

import io.interdict.domain.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A border authority records the result of the inspection; the request is then finished. */
public record CompleteInspection(
        @TargetAggregateIdentifier String inspectionId, InspectionResult result, String findings, Actor actor) {}
