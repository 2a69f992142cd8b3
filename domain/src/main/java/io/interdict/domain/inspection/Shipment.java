package io.interdict.domain.inspection;

/** The identifiers of a shipment to inspect; absent ones are null, at least one is given. */
public record Shipment(String trackingNumber, String airWaybill, String containerNumber) {}
