package io.interdict.gateway.axon;

import io.interdict.config.ProcessorSettings;
import io.interdict.domain.agreement.SharingAgreement;
import io.interdict.domain.inspection.InspectionRequest;
import io.interdict.domain.investigation.Investigation;
import io.interdict.domain.partner.Partner;
import io.interdict.domain.share.IntelligenceShare;
import io.interdict.gateway.startup.InvalidSettingException;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * How Axon stores and moves messages. The serializer is fixed from day one because changing it
 * breaks every stored event: Jackson (XStream cannot read Java records back), with its own
 * ObjectMapper so that HTTP-facing Jackson settings can never change the stored form.
 */
@Configuration(proxyBeanMethods = false)
// What Axon's JpaEventStoreAutoConfiguration registers, which the storage engine bean below switches off.
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class AxonConfiguration {

    /** Event metadata: the Idempotency-Key a command was sent with. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    /** Event metadata: SHA-256 of the request that caused the event. */
    public static final String REQUEST_DIGEST = "requestDigest";

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(EventStoreJson.newMapper())
                .build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(EventStoreJson.newMapper())
                .build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(EventStoreJson.newMapper())
                .build();
    }

    /**
     * The event store's storage engine, as Axon's auto-configuration builds it, except that a
     * processor's fetch across gaps is asked as two indexed queries ({@link GapSplitEventStorageEngine}).
     * Declaring it switches that auto-configuration off, so every setting it makes is made here.
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            EntityManagerProvider entityManagerProvider,
            TransactionManager transactionManager) {
        JpaEventStorageEngine.Builder builder = JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager);
        return new GapSplitEventStorageEngine(builder);
    }

    /** Names this node's database sessions, so the nodes can count each other (SegmentBalancer). */
    @Bean
    static GatewayNode gatewayNode() {
        return new GatewayNode();
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

    /** HTTP JSON writes markings as labels too, exactly as the stored events do. */
    @Bean
    DomainJacksonModule domainJacksonModule() {
        return new DomainJacksonModule();
    }

    /**
     * Who pushed with which Idempotency-Key and request digest travels from the command to the
     * events it causes, so a retry can be recognised from the event store alone.
     */
    @Bean
    CorrelationDataProvider messageOrigin() {
        // Declaring any provider replaces Axon's default one: keep correlationId and traceId.
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider idempotencyCorrelation() {
        return new SimpleCorrelationDataProvider(IDEMPOTENCY_KEY, REQUEST_DIGEST);
    }

    /**
     * Every event processor is a pooled streaming one, its tokens in the same PostgreSQL, so nodes
     * split the segments through the token store: each node claims at most its fair share
     * ({@link SegmentBalancer}), renews its claims well within the claim timeout, and looks for
     * expired claims of dead nodes every claim interval. A failing event handler stops its segment,
     * which retries from the failed batch, rather than skipping the event.
     */
    @Bean
    ConfigurerModule pooledStreamingProcessors(
            ProcessorSettings settings,
            SegmentBalancer balancer,
            @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        if (settings.claimExtension().toMillis() < 100
                || settings.claimExtension().multipliedBy(2).compareTo(claimTimeout) > 0
                || settings.claimInterval().toMillis() < 100
                || settings.balanceInterval().toMillis() < 100) {
            throw new InvalidSettingException(
                    "interdict.processors",
                    "claim-extension must be at most half of axon.eventhandling.tokenstore.claim-timeout ("
                            + claimTimeout
                            + "), and every interval at least 100ms; found claim-extension "
                            + settings.claimExtension() + ", claim-interval " + settings.claimInterval()
                            + ", balance-interval " + settings.balanceInterval());
        }
        return configurer -> configurer
                .eventProcessing()
                // A handler that fails rolls its batch back and the segment retries it, instead of
                // Axon's default (log, skip the event, go on), which would leave a read model
                // silently without the event while the log and the bundles hold it.
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .usingPooledStreamingEventProcessors((config, builder) -> builder.tokenClaimInterval(
                                settings.claimInterval().toMillis())
                        .claimExtensionThreshold(settings.claimExtension().toMillis())
                        .batchSize(settings.batchSize())
                        .initialSegmentCount(settings.initialSegments())
                        .maxSegmentProvider(balancer::fairShare));
    }
}
