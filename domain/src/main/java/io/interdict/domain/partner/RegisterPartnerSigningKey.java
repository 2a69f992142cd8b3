package io.interdict.domain.partner;

import io.interdict.domain.common.Actor;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers an Ed25519 public key ({@code publicKeyX}: base64url, 32 bytes) under a key id unique to the partner. */
public record RegisterPartnerSigningKey(
        @TargetAggregateIdentifier String partnerId, String kid, String publicKeyX, Instant validFrom, Actor actor) {}
