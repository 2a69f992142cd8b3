package io.interdict.gateway.audit;

import io.interdict.domain.inspection.InspectionRequested;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An inspection request as §3 needs it: who requested it and which carrier's shipment it names. */
public record InspectionState(String inspectionId, String requestingAgency, String carrier) {

    /** Folds the request's events recorded by {@code asOf}; empty when it was not requested yet. */
    public static Optional<InspectionState> asOf(List<TimedEvent> events, Instant asOf) {
        return events.stream()
                .filter(event -> event.recordedBy(asOf))
                .map(TimedEvent::payload)
                .filter(InspectionRequested.class::isInstance)
                .map(InspectionRequested.class::cast)
                .findFirst()
                .map(requested -> new InspectionState(
                        requested.inspectionId(), requested.requestingAgency(), requested.carrier()));
    }
}
