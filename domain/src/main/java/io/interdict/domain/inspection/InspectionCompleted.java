package io.interdict.domain.inspection;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A border authority completed the inspection with a result and findings. */
@Revision("1")
public record InspectionCompleted(
        String inspectionId, InspectionResult result, String findings, String actor, Instant occurredAt)
        implements InspectionRequestEvent {}
