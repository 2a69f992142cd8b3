package io.interdict.domain.investigation;

import io.interdict.domain.common.DomainEvent;

/** The events of the {@link Investigation} aggregate. */
public sealed interface InvestigationEvent extends DomainEvent
        permits InvestigationOpened, EvidenceLinked, InvestigationOutcomeRecorded, InvestigationClosed {

    String investigationId();
}
