package io.interdict.domain.share;

import io.interdict.domain.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the content of a share with a new version; the earlier versions are kept. Provider only. */
public record AmendIntelligenceShare(
        @TargetAggregateIdentifier String shareId,
        ShareContent content,
        String submitterSignature,
        String submitterKeyId,
        String submittedBody,
        Actor actor) {}
