package io.interdict.domain.inspection;

import static io.interdict.domain.common.ActorFixtures.NOW;

import java.time.Instant;
import java.util.List;

/** The inspection request of PRODUCT.md §8, and the events that tell its story. */
final class InspectionFixtures {

    static final String INSPECTION_ID = "7a2c0000-0000-4000-8000-000000000001";
    static final String SHARE_ID = "5d1e0000-0000-4000-8000-000000000001";
    static final Shipment SHIPMENT = new Shipment("JD014600006281234567", "176-12345675", null);
    static final Instant SCHEDULED_FOR = Instant.parse("2026-12-01T14:00:00Z");

    static final InspectionRequested REQUESTED = new InspectionRequested(
            INSPECTION_ID,
            "ipr-center",
            "dhl",
            SHIPMENT,
            "USLAX",
            "logo mismatch on listing",
            List.of(SHARE_ID),
            InspectionPriority.HIGH,
            "ipr-center",
            NOW);

    static final InspectionCompleted COMPLETED =
            new InspectionCompleted(INSPECTION_ID, InspectionResult.SEIZED, "412 pairs seized", "cbp", NOW);

    static final InspectionCancelled CANCELLED =
            new InspectionCancelled(INSPECTION_ID, "shipment recalled", "ipr-center", NOW);

    private InspectionFixtures() {}
}
