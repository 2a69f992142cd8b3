package io.interdict.domain.agreement;

import static io.interdict.domain.common.Guards.activeActor;
import static io.interdict.domain.common.Guards.requireKind;
import static io.interdict.domain.common.Guards.requirePresent;
import static io.interdict.domain.common.Guards.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.interdict.domain.common.DomainRuleViolation;
import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.RecordKind;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * An agreement between a provider and one recipient (PRODUCT.md §2). It has a validity window and,
 * once revoked, stays revoked: there is no command that revives it.
 */
public class SharingAgreement {

    @AggregateIdentifier
    private String agreementId;

    private boolean revoked;

    protected SharingAgreement() {}

    @CommandHandler
    public SharingAgreement(SignSharingAgreement command, Clock clock) {
        String actor = activeActor(command.actor());
        requireKind(command.actor(), "sign a sharing agreement", PartnerKind.OPERATOR);
        requireText(command.agreementId(), "an agreement id");
        String provider = requireText(command.provider(), "a provider");
        String recipient = requireText(command.recipient(), "a recipient");
        if (provider.equals(recipient)) {
            throw DomainRuleViolation.invalidInput(
                    "expected a recipient other than the provider; found " + provider + " on both sides");
        }
        if (command.kinds() == null || command.kinds().isEmpty()) {
            throw DomainRuleViolation.invalidInput("expected at least one record kind; found none");
        }
        Set<RecordKind> kinds = EnumSet.noneOf(RecordKind.class);
        command.kinds().forEach(kind -> kinds.add(requirePresent(kind, "every record kind")));
        requirePresent(command.maxMarking(), "the highest marking (maxMarking)");
        Instant now = clock.instant();
        Instant validFrom = command.validFrom() == null ? now : command.validFrom();
        if (command.validUntil() != null && !command.validUntil().isAfter(validFrom)) {
            throw DomainRuleViolation.invalidInput(
                    "expected validUntil after validFrom " + validFrom + "; found " + command.validUntil());
        }
        apply(new SharingAgreementSigned(
                command.agreementId(),
                provider,
                recipient,
                Collections.unmodifiableSet(kinds),
                command.maxMarking(),
                validFrom,
                command.validUntil(),
                actor,
                now));
    }

    @CommandHandler
    public void handle(RevokeSharingAgreement command, Clock clock) {
        String actor = activeActor(command.actor());
        requireKind(command.actor(), "revoke a sharing agreement", PartnerKind.OPERATOR);
        if (revoked) {
            throw DomainRuleViolation.invalidState("agreement " + agreementId
                    + " is already revoked; expected an agreement in force, and a revoked agreement stays revoked");
        }
        apply(new SharingAgreementRevoked(agreementId, command.reason(), actor, clock.instant()));
    }

    @EventSourcingHandler
    void on(SharingAgreementSigned event) {
        agreementId = event.agreementId();
    }

    @EventSourcingHandler
    void on(SharingAgreementRevoked event) {
        revoked = true;
    }
}
