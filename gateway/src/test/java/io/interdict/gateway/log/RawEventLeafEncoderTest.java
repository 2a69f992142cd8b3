package io.interdict.gateway.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawEventLeafEncoderTest {

    private final RawEventLeafEncoder encoder = new RawEventLeafEncoder();

    @Test
    void encodesEveryColumnAsSortedJsonWithBytesInBase64() {
        StoredEvent event = new StoredEvent(
                7,
                "e-1",
                "agg-1",
                3,
                "Probe",
                "io.interdict.Probe",
                "1",
                "2026-11-30T09:12:44.120Z",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(encoder.leafBytes(event), StandardCharsets.UTF_8))
                .isEqualTo("{\"aggregateIdentifier\":\"agg-1\",\"eventIdentifier\":\"e-1\",\"globalIndex\":7,"
                        + "\"metaData\":\"e30=\",\"payload\":\"eyJhIjoxfQ==\",\"payloadRevision\":\"1\","
                        + "\"payloadType\":\"io.interdict.Probe\",\"sequenceNumber\":3,"
                        + "\"timeStamp\":\"2026-11-30T09:12:44.120Z\",\"type\":\"Probe\"}");
    }

    @Test
    void leavesAbsentColumnsOutAndEscapesStringsAsRfc8785Does() {
        StoredEvent event = new StoredEvent(0, "q\"\\\n\u0001é", "a", 0, null, "T", null, "t", new byte[0], null);

        assertThat(new String(encoder.leafBytes(event), StandardCharsets.UTF_8))
                .isEqualTo("{\"aggregateIdentifier\":\"a\",\"eventIdentifier\":\"q\\\"\\\\\\n\\u0001é\","
                        + "\"globalIndex\":0,\"payload\":\"\",\"payloadType\":\"T\",\"sequenceNumber\":0,"
                        + "\"timeStamp\":\"t\"}");
    }
}
