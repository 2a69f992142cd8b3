package io.interdict.domain.investigation;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The lead agency linked shares and inspections as evidence; each list holds only the newly linked ids. */
@Revision("1")
public record EvidenceLinked(
        String investigationId, List<String> shareIds, List<String> inspectionIds, String actor, Instant occurredAt)
        implements InvestigationEvent {}
