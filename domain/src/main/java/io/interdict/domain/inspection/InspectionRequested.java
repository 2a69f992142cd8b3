package io.interdict.domain.inspection;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An agency asked for a shipment to be inspected. */
@Revision("1")
public record InspectionRequested(
        String inspectionId,
        String requestingAgency,
        String carrier,
        Shipment shipment,
        String portOfEntry,
        String reason,
        List<String> linkedShares,
        InspectionPriority priority,
        String actor,
        Instant occurredAt)
        implements InspectionRequestEvent {}
