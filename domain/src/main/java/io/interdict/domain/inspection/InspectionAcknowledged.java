package io.interdict.domain.inspection;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The carrier acknowledged the request: the shipment is held. */
@Revision("1")
public record InspectionAcknowledged(String inspectionId, String carrier, String note, String actor, Instant occurredAt)
        implements InspectionRequestEvent {}
