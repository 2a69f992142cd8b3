package io.interdict.gateway.record;

import io.interdict.gateway.log.LeafEncoder;
import io.interdict.gateway.log.StoredEvent;
import org.springframework.stereotype.Component;

/**
 * PRODUCT.md §5: a Merkle leaf is the UTF-8 of the RFC 8785 form of the signed record — the
 * envelope plus {@code gatewaySignature}, and no other field (not {@code leafIndex}).
 */
@Component
class SignedRecordLeafEncoder implements LeafEncoder {

    private final SignedRecords records;

    SignedRecordLeafEncoder(SignedRecords records) {
        this.records = records;
    }

    @Override
    public byte[] leafBytes(StoredEvent event) {
        return records.rebuild(
                        event.eventIdentifier(),
                        event.payloadType(),
                        event.aggregateIdentifier(),
                        event.sequenceNumber(),
                        event.timeStamp(),
                        event.payload(),
                        event.metaData())
                .leafBytes();
    }
}
