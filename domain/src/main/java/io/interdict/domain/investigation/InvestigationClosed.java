package io.interdict.domain.investigation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The lead agency closed the investigation; nothing changes after this. */
@Revision("1")
public record InvestigationClosed(String investigationId, String reason, String actor, Instant occurredAt)
        implements InvestigationEvent {}
