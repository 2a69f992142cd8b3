package io.interdict.gateway.log;

/**
 * One row of {@code domain_event_entry}, column for column, as the Merkle log writer reads it:
 * nothing is deserialized, so a leaf can only depend on what is stored. {@code payload} and {@code
 * metaData} are the raw {@code bytea} (JSON written by Axon's Jackson serializer); {@code
 * payloadRevision}, {@code type} and {@code metaData} may be {@code null}.
 */
public record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String payloadType,
        String payloadRevision,
        String timeStamp,
        byte[] payload,
        byte[] metaData) {}
