package io.interdict.domain.investigation;

import io.interdict.domain.common.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Links shares and inspections to the investigation as evidence. Lead agency only; the gateway checks EvidenceLinkPolicy for each share first. */
public record LinkEvidence(
        @TargetAggregateIdentifier String investigationId,
        List<String> shareIds,
        List<String> inspectionIds,
        Actor actor) {}
