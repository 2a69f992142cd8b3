package io.interdict.domain.share;

import io.interdict.domain.common.Actor;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds recipients to a share's audience. Provider only; the gateway checks the agreements first. */
public record ExtendShareAudience(
        @TargetAggregateIdentifier String shareId, Set<String> additionalRecipients, Actor actor) {}
