package io.interdict.domain.share;

import io.interdict.domain.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records what the provider did about a share, e.g. sidelined inventory. Provider only. */
public record RecordProviderAction(
        @TargetAggregateIdentifier String shareId, ProviderActionType actionType, String details, Actor actor) {}
