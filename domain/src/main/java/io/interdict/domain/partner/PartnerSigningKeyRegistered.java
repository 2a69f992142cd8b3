package io.interdict.domain.partner;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A partner registered an Ed25519 public key; the private key never reaches the exchange. */
@Revision("1")
public record PartnerSigningKeyRegistered(
        String partnerId, String kid, String publicKeyX, Instant validFrom, String actor, Instant occurredAt)
        implements PartnerEvent {}
