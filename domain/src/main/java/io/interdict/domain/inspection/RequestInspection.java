package io.interdict.domain.inspection;

import io.interdict.domain.common.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks border authorities to inspect a shipment at a port of entry. Investigators and border authorities only. */
public record RequestInspection(
        @TargetAggregateIdentifier String inspectionId,
        String carrier,
        Shipment shipment,
        String portOfEntry,
        String reason,
        List<String> linkedShares,
        InspectionPriority priority,
        Actor actor) {}
