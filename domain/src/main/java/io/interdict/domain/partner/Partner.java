package io.interdict.domain.partner;

import static io.interdict.domain.common.Guards.activeActor;
import static io.interdict.domain.common.Guards.requireKind;
import static io.interdict.domain.common.Guards.requirePresent;
import static io.interdict.domain.common.Guards.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.interdict.domain.common.Actor;
import io.interdict.domain.common.DomainRuleViolation;
import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.PartnerRole;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A company or agency enrolled with the exchange (PRODUCT.md §1, §2). Only an operator enrols,
 * suspends and reinstates; a partner manages its own signing keys, and a revoked key stays revoked.
 */
public class Partner {

    /** RFC 8037: an Ed25519 public key is 32 bytes. */
    private static final int ED25519_PUBLIC_KEY_BYTES = 32;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @AggregateIdentifier
    private String partnerId;

    private boolean suspended;

    /** Every key id the partner ever registered, with whether it is revoked. */
    private final Map<String, Boolean> keysRevoked = new HashMap<>();

    protected Partner() {}

    @CommandHandler
    public Partner(EnrolPartner command, Clock clock) {
        String actor = activeActor(command.actor());
        requireKind(command.actor(), "enrol a partner", PartnerKind.OPERATOR);
        requireText(command.partnerId(), "a partner id");
        requirePresent(command.kind(), "a partner kind");
        requireText(command.displayName(), "a display name");
        Set<PartnerRole> roles = EnumSet.noneOf(PartnerRole.class);
        if (command.roles() != null) {
            for (PartnerRole role : command.roles()) {
                roles.add(requirePresent(role, "every partner role"));
            }
        }
        apply(new PartnerEnrolled(
                command.partnerId(),
                command.kind(),
                command.displayName().strip(),
                Collections.unmodifiableSet(roles),
                actor,
                clock.instant()));
    }

    @CommandHandler
    public void handle(RegisterPartnerSigningKey command, Clock clock) {
        String actor = ownKeyManager(command.actor(), "register a signing key for");
        requireNotSuspended("register a signing key");
        String kid = requireKeyId(command.kid());
        if (keysRevoked.containsKey(kid)) {
            throw DomainRuleViolation.invalidState("key id " + kid + " was already used by partner " + partnerId
                    + (keysRevoked.get(kid) ? " (revoked)" : "") + "; expected a key id never used before");
        }
        requirePublicKey(command.publicKeyX());
        Instant now = clock.instant();
        apply(new PartnerSigningKeyRegistered(
                partnerId,
                kid,
                command.publicKeyX(),
                command.validFrom() == null ? now : command.validFrom(),
                actor,
                now));
    }

    @CommandHandler
    public void handle(RevokePartnerSigningKey command, Clock clock) {
        String actor = ownKeyManager(command.actor(), "revoke a signing key of");
        requireNotSuspended("revoke a signing key");
        String kid = requireText(command.kid(), "a key id");
        Boolean revoked = keysRevoked.get(kid);
        if (revoked == null) {
            throw DomainRuleViolation.invalidInput(
                    "expected a key id registered by partner " + partnerId + "; found unknown key id " + kid);
        }
        if (revoked) {
            throw DomainRuleViolation.invalidState("key " + kid + " of partner " + partnerId
                    + " is already revoked; expected a key in use, and a revoked key stays revoked");
        }
        apply(new PartnerSigningKeyRevoked(partnerId, kid, command.reason(), actor, clock.instant()));
    }

    @CommandHandler
    public void handle(SuspendPartner command, Clock clock) {
        String actor = activeActor(command.actor());
        requireKind(command.actor(), "suspend a partner", PartnerKind.OPERATOR);
        String reason = requireText(command.reason(), "a reason for the suspension");
        if (suspended) {
            throw DomainRuleViolation.invalidState(
                    "partner " + partnerId + " is already suspended; expected an active partner to suspend");
        }
        apply(new PartnerSuspended(partnerId, reason, actor, clock.instant()));
    }

    @CommandHandler
    public void handle(ReinstatePartner command, Clock clock) {
        String actor = activeActor(command.actor());
        requireKind(command.actor(), "reinstate a partner", PartnerKind.OPERATOR);
        String reason = requireText(command.reason(), "a reason for the reinstatement");
        if (!suspended) {
            throw DomainRuleViolation.invalidState(
                    "partner " + partnerId + " is active; expected a suspended partner to reinstate");
        }
        apply(new PartnerReinstated(partnerId, reason, actor, clock.instant()));
    }

    @EventSourcingHandler
    void on(PartnerEnrolled event) {
        partnerId = event.partnerId();
    }

    @EventSourcingHandler
    void on(PartnerSigningKeyRegistered event) {
        keysRevoked.put(event.kid(), false);
    }

    @EventSourcingHandler
    void on(PartnerSigningKeyRevoked event) {
        keysRevoked.put(event.kid(), true);
    }

    @EventSourcingHandler
    void on(PartnerSuspended event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(PartnerReinstated event) {
        suspended = false;
    }

    /** A partner manages only its own keys (PRODUCT.md §6, {@code /partners/me/keys}). */
    private String ownKeyManager(Actor actor, String action) {
        String actorId = activeActor(actor);
        if (!actorId.equals(partnerId)) {
            throw DomainRuleViolation.notPermitted(
                    "only partner " + partnerId + " may " + action + " itself; found " + actorId);
        }
        return actorId;
    }

    private void requireNotSuspended(String action) {
        if (suspended) {
            throw DomainRuleViolation.invalidState(
                    "partner " + partnerId + " is suspended; expected an active partner to " + action);
        }
    }

    private static String requireKeyId(String kid) {
        requireText(kid, "a key id");
        if (!KEY_ID.matcher(kid).matches()) {
            throw DomainRuleViolation.invalidInput(
                    "expected a key id of 1 to 128 letters, digits or . _ : -; found '" + kid + "'");
        }
        return kid;
    }

    private static void requirePublicKey(String x) {
        requireText(x, "an Ed25519 public key (x)");
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(x);
        } catch (IllegalArgumentException notBase64Url) {
            throw DomainRuleViolation.invalidInput(
                    "expected the public key x as base64url; found characters outside that alphabet");
        }
        if (key.length != ED25519_PUBLIC_KEY_BYTES) {
            throw DomainRuleViolation.invalidInput("expected an Ed25519 public key of " + ED25519_PUBLIC_KEY_BYTES
                    + " bytes; found " + key.length + " bytes");
        }
    }
}
