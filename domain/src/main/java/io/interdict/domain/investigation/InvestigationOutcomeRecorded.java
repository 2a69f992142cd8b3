package io.interdict.domain.investigation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The lead agency recorded an outcome; providers whose shares were linked see it as feedback. */
@Revision("1")
public record InvestigationOutcomeRecorded(
        String investigationId, InvestigationOutcome outcome, String details, String actor, Instant occurredAt)
        implements InvestigationEvent {}
