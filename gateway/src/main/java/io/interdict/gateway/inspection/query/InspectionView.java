package io.interdict.gateway.inspection.query;

import java.time.Instant;
import java.util.List;

/** An inspection request as the read model holds it; absent facts are null. */
public record InspectionView(
        String inspectionId,
        InspectionStatus status,
        String requester,
        String carrier,
        String trackingNumber,
        String airWaybill,
        String containerNumber,
        String portOfEntry,
        String priority,
        List<String> linkedShares,
        Instant requestedAt,
        Instant acknowledgedAt,
        Instant scheduledFor,
        String location,
        Instant scheduledAt,
        String result,
        Instant completedAt,
        Instant cancelledAt) {}
