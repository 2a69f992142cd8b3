package io.interdict.domain.inspection;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A border authority scheduled the inspection. */
@Revision("1")
public record InspectionScheduled(
        String inspectionId, Instant scheduledFor, String location, String actor, Instant occurredAt)
        implements InspectionRequestEvent {}
