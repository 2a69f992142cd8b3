package io.interdict.gateway.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The event store's JSON mapping, fixed from day one because changing it changes every stored event
 * and every signature over them: ISO-8601 instants, TLP markings as labels, unknown properties
 * tolerated so that later revisions can add fields. Deliberately not a Spring ObjectMapper bean:
 * HTTP-facing Jackson settings must never reach the stored form.
 */
public final class EventStoreJson {

    private EventStoreJson() {}

    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new DomainJacksonModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
