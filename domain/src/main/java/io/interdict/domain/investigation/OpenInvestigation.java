package io.interdict.domain.investigation;

import io.interdict.domain.common.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens an investigation led by the acting investigator. */
public record OpenInvestigation(
        @TargetAggregateIdentifier String investigationId, String title, List<String> subjects, Actor actor) {}
