package io.interdict.domain.inspection;

import io.interdict.domain.common.DomainEvent;

/** The events of the {@link InspectionRequest} aggregate. */
public sealed interface InspectionRequestEvent extends DomainEvent
        permits InspectionRequested,
                InspectionAcknowledged,
                InspectionScheduled,
                InspectionCompleted,
                InspectionCancelled {

    String inspectionId();
}
