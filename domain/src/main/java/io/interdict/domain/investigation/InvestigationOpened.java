package io.interdict.domain.investigation;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An investigator opened an investigation, which it leads. */
@Revision("1")
public record InvestigationOpened(
        String investigationId,
        String leadAgency,
        String title,
        List<String> subjects,
        String actor,
        Instant occurredAt)
        implements InvestigationEvent {}
