package io.interdict.gateway.log;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Stand-in leaf encoding until the signed-record encoder exists: the UTF-8 of a deterministic JSON
 * of the raw {@code domain_event_entry} columns, members sorted as RFC 8785 sorts them, {@code
 * payload} and {@code metaData} as standard base64 of the stored bytes, absent columns left out.
 * It is NOT the leaf format of PRODUCT.md §5 (the JCS form of the signed record); a {@link
 * LeafEncoder} bean replaces it.
 */
final class RawEventLeafEncoder implements LeafEncoder {

    @Override
    public byte[] leafBytes(StoredEvent event) {
        StringBuilder json = new StringBuilder(256 + 2 * event.payload().length);
        json.append('{');
        member(json, "aggregateIdentifier", event.aggregateIdentifier());
        member(json, "eventIdentifier", event.eventIdentifier());
        json.append("\"globalIndex\":").append(event.globalIndex()).append(',');
        member(json, "metaData", base64(event.metaData()));
        member(json, "payload", base64(event.payload()));
        member(json, "payloadRevision", event.payloadRevision());
        member(json, "payloadType", event.payloadType());
        json.append("\"sequenceNumber\":").append(event.sequenceNumber()).append(',');
        member(json, "timeStamp", event.timeStamp());
        member(json, "type", event.type());
        json.setLength(json.length() - 1); // the trailing comma; never empty: globalIndex is always there
        json.append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void member(StringBuilder json, String name, String value) {
        if (value == null) {
            return;
        }
        CanonicalJson.appendString(json, name);
        json.append(':');
        CanonicalJson.appendString(json, value);
        json.append(',');
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }
}
