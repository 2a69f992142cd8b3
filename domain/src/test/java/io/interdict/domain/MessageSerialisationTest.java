package io.interdict.domain;

import static io.interdict.domain.common.ActorFixtures.AMAZON;
import static io.interdict.domain.common.ActorFixtures.CBP;
import static io.interdict.domain.common.ActorFixtures.DHL;
import static io.interdict.domain.common.ActorFixtures.IPR_CENTER;
import static io.interdict.domain.common.ActorFixtures.NOW;
import static io.interdict.domain.common.ActorFixtures.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.interdict.domain.access.RecordsRead;
import io.interdict.domain.agreement.RevokeSharingAgreement;
import io.interdict.domain.agreement.SharingAgreementRevoked;
import io.interdict.domain.agreement.SharingAgreementSigned;
import io.interdict.domain.agreement.SignSharingAgreement;
import io.interdict.domain.common.DomainEvent;
import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.PartnerRole;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import io.interdict.domain.inspection.AcknowledgeInspection;
import io.interdict.domain.inspection.CancelInspection;
import io.interdict.domain.inspection.CompleteInspection;
import io.interdict.domain.inspection.InspectionAcknowledged;
import io.interdict.domain.inspection.InspectionCancelled;
import io.interdict.domain.inspection.InspectionCompleted;
import io.interdict.domain.inspection.InspectionPriority;
import io.interdict.domain.inspection.InspectionRequested;
import io.interdict.domain.inspection.InspectionResult;
import io.interdict.domain.inspection.InspectionScheduled;
import io.interdict.domain.inspection.RequestInspection;
import io.interdict.domain.inspection.ScheduleInspection;
import io.interdict.domain.inspection.Shipment;
import io.interdict.domain.investigation.CloseInvestigation;
import io.interdict.domain.investigation.EvidenceLinked;
import io.interdict.domain.investigation.InvestigationClosed;
import io.interdict.domain.investigation.InvestigationOpened;
import io.interdict.domain.investigation.InvestigationOutcome;
import io.interdict.domain.investigation.InvestigationOutcomeRecorded;
import io.interdict.domain.investigation.LinkEvidence;
import io.interdict.domain.investigation.OpenInvestigation;
import io.interdict.domain.investigation.RecordInvestigationOutcome;
import io.interdict.domain.partner.EnrolPartner;
import io.interdict.domain.partner.PartnerEnrolled;
import io.interdict.domain.partner.PartnerReinstated;
import io.interdict.domain.partner.PartnerSigningKeyRegistered;
import io.interdict.domain.partner.PartnerSigningKeyRevoked;
import io.interdict.domain.partner.PartnerSuspended;
import io.interdict.domain.partner.RegisterPartnerSigningKey;
import io.interdict.domain.partner.ReinstatePartner;
import io.interdict.domain.partner.RevokePartnerSigningKey;
import io.interdict.domain.partner.SuspendPartner;
import io.interdict.domain.share.AmendIntelligenceShare;
import io.interdict.domain.share.Evidence;
import io.interdict.domain.share.ExtendShareAudience;
import io.interdict.domain.share.IntelligenceShareAmended;
import io.interdict.domain.share.IntelligenceShareAudienceExtended;
import io.interdict.domain.share.IntelligenceShareWithdrawn;
import io.interdict.domain.share.IntelligenceShared;
import io.interdict.domain.share.ProviderActionRecorded;
import io.interdict.domain.share.ProviderActionType;
import io.interdict.domain.share.PushIntelligenceShare;
import io.interdict.domain.share.RecordProviderAction;
import io.interdict.domain.share.ShareContent;
import io.interdict.domain.share.ShareSubject;
import io.interdict.domain.share.WithdrawIntelligenceShare;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway stores and sends these messages as JSON through Jackson (NOTES-STACK.md: the Jackson
 * serializer, because XStream cannot read records back). Every command and event must survive the
 * round trip unchanged, and an event's JSON must hold its record components and nothing else.
 */
class MessageSerialisationTest {

    private static final ObjectMapper JSON =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private static final Instant LATER = Instant.parse("2027-06-30T00:00:00Z");
    private static final ShareSubject SUBJECT =
            new ShareSubject("A3KX9Q1L0PZ", "B0CXY12345", null, null, null, "6403.99", "CN", "USLAX", null);
    private static final List<Evidence> EVIDENCE = List.of(
            new Evidence("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "listing capture"));
    private static final ShareContent CONTENT = new ShareContent(
            RecordKind.COUNTERFEIT_PRODUCT,
            Tlp.AMBER_STRICT,
            Set.of("cbp", "ipr-center"),
            SUBJECT,
            List.of("logo mismatch"),
            85,
            EVIDENCE,
            LATER);
    private static final Shipment SHIPMENT = new Shipment("JD014600006281234567", null, "MSCU1234567");

    static Stream<Object> messages() {
        return Stream.of(
                new EnrolPartner(
                        "amazon", PartnerKind.SIGNAL_PROVIDER, "Amazon", Set.of(PartnerRole.MARKETPLACE), OPERATOR),
                new PartnerEnrolled(
                        "dhl", PartnerKind.SIGNAL_PROVIDER, "DHL", Set.of(PartnerRole.CARRIER), "operator", NOW),
                new RegisterPartnerSigningKey(
                        "amazon", "amazon-1", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", NOW, AMAZON),
                new PartnerSigningKeyRegistered(
                        "amazon", "amazon-1", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", NOW, "amazon", NOW),
                new RevokePartnerSigningKey("amazon", "amazon-1", null, AMAZON),
                new PartnerSigningKeyRevoked("amazon", "amazon-1", "rotated", "amazon", NOW),
                new SuspendPartner("amazon", "unpaid", OPERATOR),
                new PartnerSuspended("amazon", "unpaid", "operator", NOW),
                new ReinstatePartner("amazon", "paid", OPERATOR),
                new PartnerReinstated("amazon", "paid", "operator", NOW),
                new SignSharingAgreement(
                        "agr-1", "amazon", "cbp", Set.of(RecordKind.FRAUD), Tlp.RED, NOW, null, OPERATOR),
                new SharingAgreementSigned(
                        "agr-1", "amazon", "cbp", Set.of(RecordKind.FRAUD), Tlp.RED, NOW, LATER, "operator", NOW),
                new RevokeSharingAgreement("agr-1", "ended", OPERATOR),
                new SharingAgreementRevoked("agr-1", null, "operator", NOW),
                new PushIntelligenceShare("s-1", CONTENT, "eyJhbGciOiJFZERTQSJ9..sig", "amazon-1", "{}", AMAZON),
                new IntelligenceShared(
                        "s-1",
                        "amazon",
                        1,
                        RecordKind.COUNTERFEIT_PRODUCT,
                        Tlp.AMBER_STRICT,
                        Set.of("cbp"),
                        SUBJECT,
                        List.of("logo mismatch"),
                        85,
                        EVIDENCE,
                        LATER,
                        "eyJhbGciOiJFZERTQSJ9..sig",
                        "amazon-1",
                        "{}",
                        "amazon",
                        NOW),
                new AmendIntelligenceShare("s-1", CONTENT, null, null, null, AMAZON),
                new IntelligenceShareAmended(
                        "s-1",
                        2,
                        RecordKind.COUNTERFEIT_PRODUCT,
                        Tlp.RED,
                        Set.of("cbp"),
                        SUBJECT,
                        List.of(),
                        90,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        "amazon",
                        NOW),
                new ExtendShareAudience("s-1", Set.of("dhl"), AMAZON),
                new IntelligenceShareAudienceExtended("s-1", Set.of("dhl"), Set.of("cbp", "dhl"), "amazon", NOW),
                new WithdrawIntelligenceShare("s-1", "cleared", AMAZON),
                new IntelligenceShareWithdrawn("s-1", "cleared", "amazon", NOW),
                new RecordProviderAction("s-1", ProviderActionType.SELLER_BLOCKED, "blocked", AMAZON),
                new ProviderActionRecorded("s-1", ProviderActionType.LISTING_REMOVED, null, "amazon", NOW),
                new RecordsRead("a-1", "cbp", "GET /api/v1/shares/s-1", List.of("r-1", "r-2"), "cbp", NOW),
                new RequestInspection(
                        "i-1", "dhl", SHIPMENT, "USLAX", "reason", List.of("s-1"), InspectionPriority.HIGH, IPR_CENTER),
                new InspectionRequested(
                        "i-1",
                        "ipr-center",
                        "dhl",
                        SHIPMENT,
                        "USLAX",
                        "reason",
                        List.of("s-1"),
                        InspectionPriority.URGENT,
                        "ipr-center",
                        NOW),
                new AcknowledgeInspection("i-1", "held", DHL),
                new InspectionAcknowledged("i-1", "dhl", null, "dhl", NOW),
                new ScheduleInspection("i-1", LATER, "bay 4", CBP),
                new InspectionScheduled("i-1", LATER, null, "cbp", NOW),
                new CompleteInspection("i-1", InspectionResult.SEIZED, "412 pairs", CBP),
                new InspectionCompleted("i-1", InspectionResult.NOT_FOUND, null, "cbp", NOW),
                new CancelInspection("i-1", "recalled", IPR_CENTER),
                new InspectionCancelled("i-1", "recalled", "ipr-center", NOW),
                new OpenInvestigation("v-1", "Northline", List.of("A3KX9Q1L0PZ"), IPR_CENTER),
                new InvestigationOpened("v-1", "ipr-center", "Northline", List.of(), "ipr-center", NOW),
                new LinkEvidence("v-1", List.of("s-1"), List.of("i-1"), IPR_CENTER),
                new EvidenceLinked("v-1", List.of("s-1"), List.of(), "ipr-center", NOW),
                new RecordInvestigationOutcome("v-1", InvestigationOutcome.CIVIL_LITIGATION, "suit", IPR_CENTER),
                new InvestigationOutcomeRecorded("v-1", InvestigationOutcome.NO_ACTION, null, "ipr-center", NOW),
                new CloseInvestigation("v-1", null, IPR_CENTER),
                new InvestigationClosed("v-1", "done", "ipr-center", NOW));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void messageSurvivesTheJsonRoundTrip(Object message) throws Exception {
        String json = JSON.writeValueAsString(message);

        assertThat(JSON.readValue(json, message.getClass())).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void messageJsonHoldsExactlyItsRecordComponents(Object message) {
        JsonNode tree = JSON.valueToTree(message);
        Set<String> components = Stream.of(message.getClass().getRecordComponents())
                .map(component -> component.getName())
                .collect(Collectors.toSet());

        assertThat(tree.properties())
                .extracting(entry -> entry.getKey())
                .containsExactlyInAnyOrderElementsOf(components);
    }

    @Test
    void shareEventsCarryTheirContentFlatAsInTheWireExample() {
        JsonNode tree = JSON.valueToTree(new IntelligenceShared(
                "s-1",
                "amazon",
                1,
                RecordKind.COUNTERFEIT_PRODUCT,
                Tlp.AMBER,
                Set.of(),
                SUBJECT,
                List.of(),
                85,
                List.of(),
                null,
                null,
                null,
                null,
                "amazon",
                NOW));

        assertThat(tree.get("shareId").asText()).isEqualTo("s-1");
        assertThat(tree.get("kind").asText()).isEqualTo("COUNTERFEIT_PRODUCT");
        assertThat(tree.has("content")).isFalse();
    }

    @Test
    void everyCommandAndEventHasASample() {
        Set<Class<?>> sampled = messages().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> declared = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.interdict.domain")
                        .stream()
                        .filter(MessageSerialisationTest::isMessage)
                        .map(JavaClass::reflect)
                        .collect(Collectors.toSet());

        assertThat(sampled).containsExactlyInAnyOrderElementsOf(declared);
    }

    private static boolean isMessage(JavaClass type) {
        return type.isAssignableTo(DomainEvent.class) && !type.isInterface()
                || type.getAllFields().stream()
                        .anyMatch(field -> field.isAnnotatedWith(TargetAggregateIdentifier.class));
    }
}
