package io.interdict.gateway.audit;

import io.interdict.domain.investigation.EvidenceLinked;
import io.interdict.domain.investigation.InvestigationClosed;
import io.interdict.domain.investigation.InvestigationOpened;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An investigation as §3 needs it: its lead agency and the evidence it had linked, at an instant. */
public record InvestigationState(
        String investigationId,
        String leadAgency,
        Set<String> linkedShareIds,
        Set<String> linkedInspectionIds,
        boolean closed) {

    /** Folds the investigation's events recorded by {@code asOf}; empty when it was not opened yet. */
    public static Optional<InvestigationState> asOf(List<TimedEvent> events, Instant asOf) {
        String id = null;
        String lead = null;
        Set<String> shares = new LinkedHashSet<>();
        Set<String> inspections = new LinkedHashSet<>();
        boolean closed = false;
        for (TimedEvent event : events) {
            if (!event.recordedBy(asOf)) {
                continue;
            }
            Object payload = event.payload();
            if (payload instanceof InvestigationOpened opened) {
                id = opened.investigationId();
                lead = opened.leadAgency();
            } else if (payload instanceof EvidenceLinked linked) {
                if (linked.shareIds() != null) {
                    shares.addAll(linked.shareIds());
                }
                if (linked.inspectionIds() != null) {
                    inspections.addAll(linked.inspectionIds());
                }
            } else if (payload instanceof InvestigationClosed) {
                closed = true;
            }
        }
        if (lead == null) {
            return Optional.empty();
        }
        return Optional.of(new InvestigationState(
                id, lead, Collections.unmodifiableSet(shares), Collections.unmodifiableSet(inspections), closed));
    }
}
