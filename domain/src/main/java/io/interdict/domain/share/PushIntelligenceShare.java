package io.interdict.domain.share;

import io.interdict.domain.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pushes a new share. Signal providers only; the gateway checks the sharing agreements (SharingAgreementPolicy) before sending it. The submitter signature is the partner's compact JWS, null when unsigned. */
public record PushIntelligenceShare(
        @TargetAggregateIdentifier String shareId,
        ShareContent content,
        String submitterSignature,
        String submitterKeyId,
        String submittedBody,
        Actor actor) {}
