package io.interdict.domain.share;

import static io.interdict.domain.common.Guards.activeActor;
import static io.interdict.domain.common.Guards.requireIds;
import static io.interdict.domain.common.Guards.requireKind;
import static io.interdict.domain.common.Guards.requirePresent;
import static io.interdict.domain.common.Guards.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.interdict.domain.common.Actor;
import io.interdict.domain.common.DomainRuleViolation;
import io.interdict.domain.common.PartnerKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A provider's share of intelligence (PRODUCT.md §2). Only its provider changes it; every
 * amendment adds a version and keeps the earlier ones; the audience only grows; the marking can
 * be raised but never lowered; once withdrawn it accepts nothing.
 *
 * <p>Whether the provider may name each recipient is decided across aggregates, by the gateway,
 * with {@link io.interdict.domain.policy.SharingAgreementPolicy} before it sends the command.
 */
public class IntelligenceShare {

    @AggregateIdentifier
    private String shareId;

    private String provider;

    /** Every version, oldest first: version n is at index n - 1. */
    private final List<ShareContent> versions = new ArrayList<>();

    /** The current audience: the latest version's, plus every extension since. */
    private Set<String> audience = Set.of();

    private boolean withdrawn;

    protected IntelligenceShare() {}

    @CommandHandler
    public IntelligenceShare(PushIntelligenceShare command, Clock clock) {
        String actor = activeActor(command.actor());
        requireKind(command.actor(), "push a share", PartnerKind.SIGNAL_PROVIDER);
        requireText(command.shareId(), "a share id");
        Instant now = clock.instant();
        ShareContent content = ShareContentRules.validated(command.content(), now);
        ShareContentRules.requireSignedBody(
                command.submitterSignature(), command.submitterKeyId(), command.submittedBody());
        apply(new IntelligenceShared(
                command.shareId(),
                actor,
                1,
                content.kind(),
                content.marking(),
                content.audience(),
                content.subject(),
                content.indicators(),
                content.confidence(),
                content.evidence(),
                content.expiresAt(),
                command.submitterSignature(),
                command.submitterKeyId(),
                command.submittedBody(),
                actor,
                now));
    }

    @CommandHandler
    public void handle(AmendIntelligenceShare command, Clock clock) {
        String actor = providerOnly(command.actor(), "amend");
        requireActive("amend");
        Instant now = clock.instant();
        ShareContent next = ShareContentRules.validated(command.content(), now);
        ShareContentRules.requireSignedBody(
                command.submitterSignature(), command.submitterKeyId(), command.submittedBody());
        ShareContent current = latest();
        if (current.marking().isMoreRestrictiveThan(next.marking())) {
            throw DomainRuleViolation.invalidInput(
                    "share " + shareId + " is marked " + current.marking().label()
                            + "; expected an amendment at that marking or a more restrictive one; found "
                            + next.marking().label());
        }
        List<String> dropped = ShareContentRules.dropped(audience, next.audience());
        if (!dropped.isEmpty()) {
            throw DomainRuleViolation.invalidInput("the audience of share " + shareId
                    + " only grows; expected every current recipient in the amended audience; found "
                    + String.join(", ", dropped) + " missing");
        }
        apply(new IntelligenceShareAmended(
                shareId,
                versions.size() + 1,
                next.kind(),
                next.marking(),
                next.audience(),
                next.subject(),
                next.indicators(),
                next.confidence(),
                next.evidence(),
                next.expiresAt(),
                command.submitterSignature(),
                command.submitterKeyId(),
                command.submittedBody(),
                actor,
                now));
    }

    @CommandHandler
    public void handle(ExtendShareAudience command, Clock clock) {
        String actor = providerOnly(command.actor(), "extend the audience of");
        requireActive("extend the audience of");
        Set<String> added = command.additionalRecipients();
        if (added == null || added.isEmpty()) {
            throw DomainRuleViolation.invalidInput("expected at least one additional recipient; found none");
        }
        requireIds(added, "the additional recipients");
        List<String> already = new ArrayList<>(new TreeSet<>(added));
        already.retainAll(audience);
        if (!already.isEmpty()) {
            throw DomainRuleViolation.invalidInput("expected recipients not yet in the audience of share " + shareId
                    + "; found " + String.join(", ", already) + " already in it");
        }
        apply(new IntelligenceShareAudienceExtended(
                shareId,
                ShareContentRules.sortedAudience(added),
                ShareContentRules.union(audience, added),
                actor,
                clock.instant()));
    }

    @CommandHandler
    public void handle(WithdrawIntelligenceShare command, Clock clock) {
        String actor = providerOnly(command.actor(), "withdraw");
        requireActive("withdraw");
        String reason = requireText(command.reason(), "a reason for the withdrawal");
        apply(new IntelligenceShareWithdrawn(shareId, reason, actor, clock.instant()));
    }

    @CommandHandler
    public void handle(RecordProviderAction command, Clock clock) {
        String actor = providerOnly(command.actor(), "record an action on");
        requireActive("record an action on");
        requirePresent(command.actionType(), "an action type");
        apply(new ProviderActionRecorded(shareId, command.actionType(), command.details(), actor, clock.instant()));
    }

    @EventSourcingHandler
    void on(IntelligenceShared event) {
        shareId = event.shareId();
        provider = event.provider();
        versions.add(event.content());
        audience = event.audience();
    }

    @EventSourcingHandler
    void on(IntelligenceShareAmended event) {
        versions.add(event.content());
        audience = event.audience();
    }

    @EventSourcingHandler
    void on(IntelligenceShareAudienceExtended event) {
        audience = event.audience();
    }

    @EventSourcingHandler
    void on(IntelligenceShareWithdrawn event) {
        withdrawn = true;
    }

    private ShareContent latest() {
        return versions.get(versions.size() - 1);
    }

    /** PRODUCT.md §6: only the provider of a share amends, extends, withdraws or records actions. */
    private String providerOnly(Actor actor, String action) {
        String actorId = activeActor(actor);
        if (!actorId.equals(provider)) {
            throw DomainRuleViolation.notPermitted(
                    "only the provider " + provider + " may " + action + " share " + shareId + "; found " + actorId);
        }
        return actorId;
    }

    private void requireActive(String action) {
        if (withdrawn) {
            throw DomainRuleViolation.invalidState(
                    "share " + shareId + " is withdrawn; expected an active share to " + action);
        }
    }
}
