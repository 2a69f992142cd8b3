package io.interdict.gateway.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.interdict.domain.agreement.SharingAgreement;
import io.interdict.domain.inspection.InspectionRequest;
import io.interdict.domain.investigation.Investigation;
import io.interdict.domain.partner.Partner;
import io.interdict.domain.share.IntelligenceShare;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * How Axon stores and moves messages. The serializer is fixed from day one because changing it
 * breaks every stored event: Jackson (XStream cannot read Java records back), with its own
 * ObjectMapper so that HTTP-facing Jackson settings can never change the stored form.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** The event store's JSON mapping: ISO-8601 instants, tolerant of fields added by later revisions. */
    static ObjectMapper storeObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new DomainJacksonModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(storeObjectMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(storeObjectMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(storeObjectMapper()).build();
    }

    /** The model's time source: command handlers take a Clock, never Instant.now(). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The domain module has no Spring stereotypes: its aggregates are registered here. */
    @Bean
    ConfigurerModule aggregates() {
        return configurer -> configurer
                .configureAggregate(Partner.class)
                .configureAggregate(SharingAgreement.class)
                .configureAggregate(IntelligenceShare.class)
                .configureAggregate(InspectionRequest.class)
                .configureAggregate(Investigation.class);
    }

    /** Every event processor is a pooled streaming one, its tokens in the same PostgreSQL. */
    @Bean
    ConfigurerModule pooledStreamingProcessors() {
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors();
    }
}
