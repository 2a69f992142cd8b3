package io.interdict.domain.inspection;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The request was cancelled before completion. */
@Revision("1")
public record InspectionCancelled(String inspectionId, String reason, String actor, Instant occurredAt)
        implements InspectionRequestEvent {}
