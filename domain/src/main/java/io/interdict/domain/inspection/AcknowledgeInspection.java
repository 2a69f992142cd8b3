package io.interdict.domain.inspection;

import io.interdict.domain.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The carrier named in the request confirms it holds the shipment; {@code note} is optional. */
public record AcknowledgeInspection(
        @TargetAggregateIdentifier String inspectionId, String note, Actor actor) {}
