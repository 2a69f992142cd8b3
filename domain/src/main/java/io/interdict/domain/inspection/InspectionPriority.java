package io.interdict.domain.inspection;

/** How urgently the requesting agency wants the shipment inspected. */
public enum InspectionPriority {
    LOW,
    MEDIUM,
    HIGH,
    URGENT
}
