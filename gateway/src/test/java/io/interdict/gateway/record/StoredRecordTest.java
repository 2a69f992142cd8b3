package io.interdict.gateway.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.jose.DetachedJws;
import io.interdict.audit.jose.Ed25519KeyPair;
import io.interdict.audit.jose.KeyResolution;
import io.interdict.audit.record.Envelope;
import io.interdict.audit.record.InvalidRecordException;
import io.interdict.audit.record.SignedRecord;
import io.interdict.gateway.axon.EventStoreJson;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/**
 * A record read from its stored text ({@link StoredRecord}, the feed) is the record the notary
 * signed, and the one the tree-based reading gave before it: same members, same values, a gateway
 * signature that verifies over its envelope.
 */
class StoredRecordTest {

    static final ObjectMapper STORE = EventStoreJson.newMapper();
    static final ObjectMapper HTTP = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String[] AWKWARD = {
        "plain",
        "",
        "ünïcödé",
        "emoji 🦊 and 𝄞",
        "quote \" backslash \\ slash /",
        "control \u0001\t\n\r",
        "line\u2028separator",
        "<script>&amp;</script>",
        "€100",
        "日本語"
    };

    final SignedRecords records = new SignedRecords(null);
    final Ed25519KeyPair gatewayKey = Ed25519KeyPair.fromSeed(new byte[32]);

    /** The reading the feed used before: the payload as a tree, members by the tree's rules. */
    static SignedRecord treeReference(
            String id,
            String payloadType,
            String aggregateId,
            long sequence,
            String timeStamp,
            String payloadJson,
            String metaJson)
            throws Exception {
        JsonNode payload = STORE.readTree(payloadJson);
        JsonNode meta = STORE.readTree(metaJson);
        String simpleType = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        String actor = payload.path("actor").isTextual()
                ? payload.get("actor").asText()
                : meta.path("actor").isTextual() ? meta.get("actor").asText() : "gateway";
        JsonNode signature = payload.path("submitterSignature");
        Envelope envelope = Envelope.of(
                id,
                simpleType.substring(simpleType.lastIndexOf('$') + 1),
                aggregateId,
                sequence,
                actor,
                Instant.parse(timeStamp),
                payload,
                signature.isTextual() && !signature.asText().isEmpty() ? signature.asText() : null);
        return new SignedRecord(
                envelope.recordId(),
                envelope.recordType(),
                envelope.aggregateId(),
                envelope.aggregateSequence(),
                envelope.partner(),
                envelope.recordedAt(),
                envelope.payload(),
                envelope.submitterSignature(),
                meta.get("gatewaySignature").asText(),
                null);
    }

    static JsonNode randomValue(Random random, int depth) {
        switch (depth > 2 ? random.nextInt(4) : random.nextInt(7)) {
            case 0:
                return NODES.textNode(AWKWARD[random.nextInt(AWKWARD.length)] + random.nextInt(1000));
            case 1:
                return NODES.numberNode(random.nextInt(200) - 100);
            case 2:
                return NODES.numberNode(random.nextLong());
            case 3:
                return random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.nullNode();
            case 4:
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                return array;
            default:
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(AWKWARD[random.nextInt(AWKWARD.length)] + i, randomValue(random, depth + 1));
                }
                // Members named like the ones that matter, but nested: they must not count.
                if (random.nextInt(4) == 0) {
                    object.put("actor", "nested-actor");
                    object.put("submitterSignature", "nested-signature");
                }
                return object;
        }
    }

    static ObjectNode randomPayload(Random random) {
        JsonNode value = randomValue(random, 1);
        ObjectNode object = NODES.objectNode();
        if (value.isObject()) {
            object.setAll((ObjectNode) value);
        }
        switch (random.nextInt(4)) {
            case 0 -> object.put("actor", "partner-" + AWKWARD[random.nextInt(AWKWARD.length)] + "x");
            case 1 -> object.put("actor", 42);
            case 2 -> object.putNull("actor");
            default -> object.remove("actor");
        }
        switch (random.nextInt(5)) {
            case 0 -> object.put("submitterSignature", "eyJhbGciOiJFZERTQSJ9.." + random.nextInt());
            case 1 -> object.put("submitterSignature", "");
            case 2 -> object.put("submitterSignature", 7);
            case 3 -> object.set("submitterSignature", NODES.objectNode().put("not", "a string"));
            default -> object.remove("submitterSignature");
        }
        object.set("nested", randomValue(random, 1));
        return object;
    }

    @Test
    void everyRandomRecordReadsBackAsTheSignedRecordItWasAndVerifies() throws Exception {
        Random random = new Random(20261130);
        for (int n = 0; n < 2_000; n++) {
            ObjectNode payload = randomPayload(random);
            Map<String, Object> meta = new HashMap<>();
            if (random.nextBoolean()) {
                meta.put(SignedRecords.ACTOR, "meta-actor-" + random.nextInt(10));
            }
            String aggregateId = UUID.randomUUID().toString();
            long sequence = random.nextInt(50);
            Instant at =
                    Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000_000));
            GenericDomainEventMessage<ObjectNode> message = new GenericDomainEventMessage<>(
                    "Thing",
                    aggregateId,
                    sequence,
                    payload,
                    MetaData.from(meta),
                    UUID.randomUUID().toString(),
                    at);

            String jws = records.sign(message, gatewayKey.signer("gateway-key"));
            meta.put(SignedRecords.GATEWAY_SIGNATURE, jws);
            String payloadJson = STORE.writeValueAsString(payload);
            String metaJson = STORE.writeValueAsString(meta);
            String timeStamp = at.toString();
            String payloadType = random.nextInt(4) == 0
                    ? "io.interdict.domain.thing.Outer$ThingHappened"
                    : message.getPayloadType().getName();
            Long leaf = random.nextBoolean() ? null : (long) random.nextInt(1_000_000);

            StoredRecord stored = records.stored(
                    message.getIdentifier(),
                    payloadType,
                    aggregateId,
                    sequence,
                    timeStamp,
                    payloadJson,
                    metaJson,
                    leaf);
            SignedRecord record = stored.toSignedRecord(STORE);
            SignedRecord reference = treeReference(
                    message.getIdentifier(), payloadType, aggregateId, sequence, timeStamp, payloadJson, metaJson);

            assertThat(record.withLeafIndex(0)).as(payloadJson).isEqualTo(reference.withLeafIndex(0));
            assertThat(record.leafIndex()).isEqualTo(leaf);
            StringWriter written = new StringWriter();
            try (JsonGenerator json = HTTP.getFactory().createGenerator(written)) {
                stored.writeTo(json);
            }
            assertThat(HTTP.readTree(written.toString()))
                    .as(payloadJson)
                    .isEqualTo(HTTP.readTree(HTTP.writeValueAsString(record.toJson())));

            // The notary derived the same envelope from the tree it signed: its signature verifies
            // over what was read back from the text.
            if (payloadType.equals(message.getPayloadType().getName())) {
                assertThat(DetachedJws.verify(
                                        record.gatewaySignature(),
                                        record.envelopeFields().canonicalBytes(),
                                        kid -> KeyResolution.found(gatewayKey.verifier()))
                                .isValid())
                        .as(payloadJson)
                        .isTrue();
            }
        }
    }

    @Test
    void aStoredPayloadThatIsNotExactlyOneObjectIsRefused() {
        String meta = "{\"gatewaySignature\":\"x..y\"}";
        for (String payload : new String[] {"[]", "\"text\"", "{\"a\":1} {\"b\":2}", "{\"a\":", ""}) {
            assertThatThrownBy(() ->
                            records.stored("id", "a.B", "agg", 0, "2026-11-30T09:12:44.120Z", payload, meta, null))
                    .as(payload)
                    .isInstanceOfAny(InvalidRecordException.class, java.io.UncheckedIOException.class);
        }
    }

    @Test
    void aStoredRecordWithoutAGatewaySignatureOrWithABadTimestampIsRefused() {
        assertThatThrownBy(() -> records.stored("id", "a.B", "agg", 0, "2026-11-30T09:12:44.120Z", "{}", "{}", null))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("gatewaySignature");
        assertThatThrownBy(() -> records.stored(
                        "id", "a.B", "agg", 0, "2026-11-30T09:12:44.120Z", "{}", "{\"gatewaySignature\":7}", null))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("gatewaySignature");
        assertThatThrownBy(() -> records.stored(
                        "id", "a.B", "agg", 0, "30/11/2026", "{}", "{\"gatewaySignature\":\"x..y\"}", null))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("recordedAt");
        assertThatThrownBy(() -> records.stored(
                        "id",
                        "a.B",
                        "agg",
                        0,
                        "2026-11-30T09:12:44.120Z",
                        "{\"actor\":\"\"}",
                        "{\"gatewaySignature\":\"x..y\"}",
                        null))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("partner");
    }
}
