package io.interdict.domain.investigation;

import static io.interdict.domain.common.Guards.activeActor;
import static io.interdict.domain.common.Guards.requireDistinct;
import static io.interdict.domain.common.Guards.requireIds;
import static io.interdict.domain.common.Guards.requireKind;
import static io.interdict.domain.common.Guards.requirePresent;
import static io.interdict.domain.common.Guards.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.interdict.domain.common.Actor;
import io.interdict.domain.common.DomainRuleViolation;
import io.interdict.domain.common.PartnerKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * An investigation led by the investigator that opened it (PRODUCT.md §2). Only the lead agency
 * links evidence, records outcomes and closes it; after closure nothing changes.
 *
 * <p>Whether a TLP:AMBER+STRICT or TLP:RED share may be linked depends on the share's audience and is
 * decided by the gateway with {@link io.interdict.domain.policy.EvidenceLinkPolicy}.
 */
public class Investigation {

    @AggregateIdentifier
    private String investigationId;

    private String leadAgency;

    private final Set<String> linkedShares = new HashSet<>();

    private final Set<String> linkedInspections = new HashSet<>();

    private boolean closed;

    protected Investigation() {}

    @CommandHandler
    public Investigation(OpenInvestigation command, Clock clock) {
        String actor = activeActor(command.actor());
        requireKind(command.actor(), "open an investigation", PartnerKind.INVESTIGATOR);
        requireText(command.investigationId(), "an investigation id");
        String title = requireText(command.title(), "a title");
        List<String> subjects = command.subjects() == null ? List.of() : command.subjects();
        requireIds(subjects, "the subjects");
        apply(new InvestigationOpened(
                command.investigationId(), actor, title, List.copyOf(subjects), actor, clock.instant()));
    }

    @CommandHandler
    public void handle(LinkEvidence command, Clock clock) {
        String actor = leadOnly(command.actor(), "link evidence to");
        requireOpen("link evidence to");
        List<String> shares = command.shareIds() == null ? List.of() : command.shareIds();
        List<String> inspections = command.inspectionIds() == null ? List.of() : command.inspectionIds();
        if (shares.isEmpty() && inspections.isEmpty()) {
            throw DomainRuleViolation.invalidInput("expected at least one share or inspection id; found none");
        }
        requireIds(shares, "the share ids");
        requireIds(inspections, "the inspection ids");
        requireDistinct(shares, "the share ids");
        requireDistinct(inspections, "the inspection ids");
        requireNotLinked(shares, linkedShares, "share");
        requireNotLinked(inspections, linkedInspections, "inspection");
        apply(new EvidenceLinked(
                investigationId, List.copyOf(shares), List.copyOf(inspections), actor, clock.instant()));
    }

    @CommandHandler
    public void handle(RecordInvestigationOutcome command, Clock clock) {
        String actor = leadOnly(command.actor(), "record the outcome of");
        requireOpen("record an outcome of");
        requirePresent(command.outcome(), "an outcome");
        apply(new InvestigationOutcomeRecorded(
                investigationId, command.outcome(), command.details(), actor, clock.instant()));
    }

    @CommandHandler
    public void handle(CloseInvestigation command, Clock clock) {
        String actor = leadOnly(command.actor(), "close");
        requireOpen("close");
        apply(new InvestigationClosed(investigationId, command.reason(), actor, clock.instant()));
    }

    @EventSourcingHandler
    void on(InvestigationOpened event) {
        investigationId = event.investigationId();
        leadAgency = event.leadAgency();
    }

    @EventSourcingHandler
    void on(EvidenceLinked event) {
        linkedShares.addAll(event.shareIds());
        linkedInspections.addAll(event.inspectionIds());
    }

    @EventSourcingHandler
    void on(InvestigationClosed event) {
        closed = true;
    }

    private String leadOnly(Actor actor, String action) {
        String actorId = activeActor(actor);
        if (!actorId.equals(leadAgency)) {
            throw DomainRuleViolation.notPermitted("only the lead agency " + leadAgency + " may " + action
                    + " investigation " + investigationId + "; found " + actorId);
        }
        return actorId;
    }

    private void requireOpen(String action) {
        if (closed) {
            throw DomainRuleViolation.invalidState(
                    "investigation " + investigationId + " is closed; expected an open investigation to " + action);
        }
    }

    private void requireNotLinked(List<String> ids, Set<String> linked, String what) {
        List<String> again = new ArrayList<>(ids);
        again.retainAll(linked);
        if (!again.isEmpty()) {
            throw DomainRuleViolation.invalidInput("expected " + what + "s not yet linked to investigation "
                    + investigationId + "; found " + String.join(", ", again) + " already linked");
        }
    }
}
