package io.interdict.domain;

import static io.interdict.domain.common.ActorFixtures.AMAZON;
import static io.interdict.domain.common.ActorFixtures.CLOCK;
import static io.interdict.domain.common.ActorFixtures.DHL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.interdict.domain.agreement.SharingAgreement;
import io.interdict.domain.common.DomainRuleViolation;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import io.interdict.domain.inspection.InspectionRequest;
import io.interdict.domain.investigation.Investigation;
import io.interdict.domain.partner.Partner;
import io.interdict.domain.share.AmendIntelligenceShare;
import io.interdict.domain.share.IntelligenceShare;
import io.interdict.domain.share.IntelligenceShareAmended;
import io.interdict.domain.share.IntelligenceShared;
import io.interdict.domain.share.PushIntelligenceShare;
import io.interdict.domain.share.ShareContent;
import io.interdict.domain.share.ShareSubject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The aggregates on a plain Axon configuration, registered as the gateway registers them
 * ({@code configureAggregate}, no Spring stereotype), with the {@link Clock} as a component that
 * Axon injects into command handlers, and events written with Axon's Jackson serializer.
 */
class AxonWiringTest {

    private static final ShareContent CONTENT = new ShareContent(
            RecordKind.COUNTERFEIT_SELLER,
            Tlp.AMBER,
            Set.of("cbp"),
            new ShareSubject("A3KX9Q1L0PZ", null, null, null, null, null, null, null, null),
            List.of("logo mismatch"),
            70,
            List.of(),
            null);

    private Configuration axon;
    private CommandGateway commands;

    @BeforeEach
    void start() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Partner.class)
                .configureAggregate(SharingAgreement.class)
                .configureAggregate(IntelligenceShare.class)
                .configureAggregate(InspectionRequest.class)
                .configureAggregate(Investigation.class)
                .registerComponent(Clock.class, c -> CLOCK)
                .buildConfiguration();
        axon.start();
        commands = axon.commandGateway();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void commandsRouteByTheirRecordIdentifierAndTakeTheClockFromTheConfiguration() {
        commands.sendAndWait(new PushIntelligenceShare("s-1", CONTENT, null, null, null, AMAZON));
        commands.sendAndWait(new AmendIntelligenceShare("s-1", CONTENT, null, null, null, AMAZON));

        List<Object> payloads = axon.eventStore()
                .readEvents("s-1")
                .asStream()
                .<Object>map(DomainEventMessage::getPayload)
                .toList();

        assertThat(payloads).hasSize(2);
        assertThat(payloads.get(0)).isInstanceOf(IntelligenceShared.class);
        assertThat(((IntelligenceShareAmended) payloads.get(1)).version()).isEqualTo(2);
        assertThat(((IntelligenceShareAmended) payloads.get(1)).occurredAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void refusalReachesTheSenderAsADomainRuleViolation() {
        commands.sendAndWait(new PushIntelligenceShare("s-2", CONTENT, null, null, null, AMAZON));

        assertThatThrownBy(
                        () -> commands.sendAndWait(new AmendIntelligenceShare("s-2", CONTENT, null, null, null, DHL)))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("only the provider amazon may amend share s-2; found dhl");
    }

    @Test
    void eventsRoundTripThroughAxonsJacksonSerializerAtRevisionOne() {
        commands.sendAndWait(new PushIntelligenceShare("s-3", CONTENT, null, null, null, AMAZON));
        Object event = axon.eventStore().readEvents("s-3").next().getPayload();
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(
                        JsonMapper.builder().addModule(new JavaTimeModule()).build())
                .build();

        SerializedObject<String> stored = serializer.serialize(event, String.class);

        assertThat(stored.getType().getRevision()).isEqualTo("1");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }
}
