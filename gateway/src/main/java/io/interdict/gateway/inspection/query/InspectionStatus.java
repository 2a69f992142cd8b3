package io.interdict.gateway.inspection.query;

/**
 * Where an inspection request stands, derived from its events: a completion or cancellation ends
 * it; otherwise a schedule counts over an acknowledgement (they may come in either order).
 */
public enum InspectionStatus {
    REQUESTED,
    ACKNOWLEDGED,
    SCHEDULED,
    COMPLETED,
    CANCELLED
}
