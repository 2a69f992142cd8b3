package io.interdict.gateway.record;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Notarises every event as it is published, whatever produced it (PRODUCT.md §4): the envelope of
 * the event is canonicalised (RFC 8785) and signed with the gateway's key, and the detached JWS
 * travels in the event's metadata under {@value SignedRecords#GATEWAY_SIGNATURE}. It is stored in
 * the same row, in the same transaction, as the event itself, so there is no window in which an
 * event exists unsigned, and the signed record can always be rebuilt from the event store alone.
 */
class RecordNotary implements MessageDispatchInterceptor<EventMessage<?>> {

    private final SignedRecords records;
    private final GatewaySigningKey key;

    RecordNotary(SignedRecords records, GatewaySigningKey key) {
        this.records = records;
        this.key = key;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (message.getMetaData().containsKey(SignedRecords.GATEWAY_SIGNATURE)) {
                return message;
            }
            String signature = records.sign(message, key.signer());
            return message.andMetaData(Map.of(SignedRecords.GATEWAY_SIGNATURE, signature));
        };
    }
}
