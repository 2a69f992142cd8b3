package io.interdict.domain.inspection;

import io.interdict.domain.common.Actor;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A border authority sets (or moves) the time of the inspection; {@code location} is optional. */
public record ScheduleInspection(
        @TargetAggregateIdentifier String inspectionId, Instant scheduledFor, String location, Actor actor) {}
