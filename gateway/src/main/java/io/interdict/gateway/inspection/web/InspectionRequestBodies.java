package io.interdict.gateway.inspection.web;

import io.interdict.domain.inspection.InspectionPriority;
import io.interdict.domain.inspection.InspectionResult;
import io.interdict.domain.inspection.Shipment;
import io.interdict.gateway.inspection.Inspections.NewInspection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The bodies of the inspection endpoints (PRODUCT.md §8), with their limits. */
final class InspectionRequestBodies {

    private InspectionRequestBodies() {}

    /** {@code POST /api/v1/inspections}. */
    record NewInspectionBody(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}")
            String carrier,

            @NotNull @Valid ShipmentBody shipment,

            @NotBlank @Size(max = 10) @Pattern(regexp = "[A-Za-z0-9]+")
            String portOfEntry,

            @NotBlank @Size(max = 2000) String reason,
            @Size(max = 100) List<@NotBlank @Size(max = 64) String> linkedShares,
            @NotNull InspectionPriority priority) {

        NewInspection toNewInspection() {
            return new NewInspection(
                    carrier,
                    new Shipment(shipment.trackingNumber(), shipment.airWaybill(), shipment.containerNumber()),
                    portOfEntry,
                    reason,
                    linkedShares == null ? List.of() : List.copyOf(linkedShares),
                    priority);
        }
    }

    record ShipmentBody(
            @Size(max = 100) String trackingNumber,
            @Size(max = 100) String airWaybill,
            @Size(max = 100) String containerNumber) {}

    /** {@code POST /api/v1/inspections/{id}/acknowledgement}; the body is optional. */
    record AcknowledgementBody(@Size(max = 2000) String note) {}

    /** {@code POST /api/v1/inspections/{id}/schedule}. */
    record ScheduleBody(
            @NotNull Instant scheduledFor, @Size(max = 200) String location) {}

    /** {@code POST /api/v1/inspections/{id}/completion}. */
    record CompletionBody(
            @NotNull InspectionResult result,
            @Size(max = 4000) String findings) {}

    /** {@code POST /api/v1/inspections/{id}/cancellation}. */
    record CancellationBody(@NotBlank @Size(max = 2000) String reason) {}
}
