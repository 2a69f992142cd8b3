package io.interdict.gateway.audit.query;

import io.interdict.domain.access.RecordsRead;
import io.interdict.domain.agreement.SharingAgreementEvent;
import io.interdict.domain.inspection.InspectionRequestEvent;
import io.interdict.domain.investigation.InvestigationEvent;
import io.interdict.domain.partner.PartnerEvent;
import io.interdict.domain.share.IntelligenceShareEvent;
import io.interdict.gateway.audit.InspectionState;
import io.interdict.gateway.audit.InvestigationState;
import io.interdict.gateway.audit.PartnerFacts;
import io.interdict.gateway.audit.PartnerVisibility;
import io.interdict.gateway.audit.RecordVisibility;
import io.interdict.gateway.audit.ShareState;
import io.interdict.gateway.audit.TimedEvent;
import io.interdict.gateway.audit.query.AuditRecords.RecordRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * "Which partners could see this record then, and by which rule" (PRODUCT.md §3, §6), replayed from
 * events recorded up to the instant: the partners' own streams (enrolled, suspended), the record's
 * aggregate, and — for a share — the investigations that had linked it. Today's read models play no
 * part, so a later suspension, amendment or revocation does not rewrite the answer about the past.
 */
@Component
public class VisibilityReplay {

    /**
     * The answer for one record at one instant.
     *
     * @param existed false when the record was not yet recorded at {@code asOf}; {@code partners} is
     *     then empty
     * @param partners every partner enrolled at {@code asOf}, visible or not, by partner id
     */
    public record VisibilityAsOf(RecordRef record, Instant asOf, boolean existed, List<PartnerVisibility> partners) {}

    private final AuditRecords records;

    VisibilityReplay(AuditRecords records) {
        this.records = records;
    }

    /** Empty when no record and no aggregate has this id. */
    public Optional<VisibilityAsOf> asOf(String recordOrAggregateId, Instant asOf) {
        return records.locate(recordOrAggregateId).map(ref -> replay(ref, asOf));
    }

    private VisibilityAsOf replay(RecordRef ref, Instant asOf) {
        if (ref.recordedAt().isAfter(asOf)) {
            return new VisibilityAsOf(ref, asOf, false, List.of());
        }
        List<TimedEvent> aggregate = records.events(ref.aggregateId());
        List<PartnerFacts> partners = records.partnerIds().stream()
                .map(id -> PartnerFacts.asOf(records.events(id), asOf))
                .flatMap(Optional::stream)
                .toList();
        Function<PartnerFacts, PartnerVisibility> rule = rule(ref, aggregate, asOf);
        return new VisibilityAsOf(ref, asOf, true, partners.stream().map(rule).toList());
    }

    private Function<PartnerFacts, PartnerVisibility> rule(RecordRef ref, List<TimedEvent> aggregate, Instant asOf) {
        Object first = aggregate.isEmpty() ? null : aggregate.get(0).payload();
        if (first instanceof IntelligenceShareEvent) {
            ShareState share = ShareState.asOf(aggregate, asOf).orElseThrow();
            List<InvestigationState> linking = records.investigationsLinking(share.shareId()).stream()
                    .map(id -> InvestigationState.asOf(records.events(id), asOf))
                    .flatMap(Optional::stream)
                    .filter(investigation -> investigation.linkedShareIds().contains(share.shareId()))
                    .toList();
            return partner -> RecordVisibility.share(
                    partner,
                    share,
                    linking.stream()
                            .filter(investigation -> investigation.leadAgency().equals(partner.partnerId()))
                            .map(InvestigationState::investigationId)
                            .collect(Collectors.toSet()));
        }
        if (first instanceof InspectionRequestEvent) {
            InspectionState inspection = InspectionState.asOf(aggregate, asOf).orElseThrow();
            return partner -> RecordVisibility.inspection(partner, inspection);
        }
        if (first instanceof InvestigationEvent) {
            InvestigationState investigation =
                    InvestigationState.asOf(aggregate, asOf).orElseThrow();
            boolean outcome = "InvestigationOutcomeRecorded".equals(ref.recordType()) && ref.recordId() != null;
            Set<String> providers = outcome
                    ? investigation.linkedShareIds().stream()
                            .map(id -> ShareState.asOf(records.events(id), asOf))
                            .flatMap(Optional::stream)
                            .map(ShareState::provider)
                            .collect(Collectors.toSet())
                    : Set.of();
            return partner -> RecordVisibility.investigation(partner, investigation, outcome, providers);
        }
        String kind = first instanceof PartnerEvent
                ? "partner"
                : first instanceof SharingAgreementEvent
                        ? "sharing agreement"
                        : first instanceof RecordsRead ? "access" : "gateway";
        return partner -> RecordVisibility.auditorsOnly(partner, kind);
    }
}
