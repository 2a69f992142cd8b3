package io.interdict.gateway.audit;

import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.PartnerRole;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import io.interdict.domain.inspection.InspectionPriority;
import io.interdict.domain.inspection.InspectionRequested;
import io.interdict.domain.inspection.Shipment;
import io.interdict.domain.investigation.EvidenceLinked;
import io.interdict.domain.investigation.InvestigationOpened;
import io.interdict.domain.partner.PartnerEnrolled;
import io.interdict.domain.partner.PartnerReinstated;
import io.interdict.domain.partner.PartnerSuspended;
import io.interdict.domain.share.IntelligenceShareAmended;
import io.interdict.domain.share.IntelligenceShareAudienceExtended;
import io.interdict.domain.share.IntelligenceShareWithdrawn;
import io.interdict.domain.share.IntelligenceShared;
import io.interdict.domain.share.ShareSubject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Events at chosen instants, for the replay and visibility tests. */
final class AuditFixtures {

    static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    static final PartnerFacts AMAZON = new PartnerFacts("amazon", PartnerKind.SIGNAL_PROVIDER, Set.of(), false);
    static final PartnerFacts DHL =
            new PartnerFacts("dhl", PartnerKind.SIGNAL_PROVIDER, Set.of(PartnerRole.CARRIER), false);
    static final PartnerFacts CBP = new PartnerFacts("cbp", PartnerKind.BORDER_AUTHORITY, Set.of(), false);
    static final PartnerFacts IPR_CENTER = new PartnerFacts("ipr-center", PartnerKind.INVESTIGATOR, Set.of(), false);
    static final PartnerFacts AUDITOR = new PartnerFacts("auditor", PartnerKind.AUDITOR, Set.of(), false);
    static final PartnerFacts OPERATOR = new PartnerFacts("operator", PartnerKind.OPERATOR, Set.of(), false);

    private AuditFixtures() {}

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    static TimedEvent event(int seconds, Object payload) {
        return new TimedEvent(UUID.randomUUID().toString(), at(seconds), payload);
    }

    static PartnerEnrolled enrolled(String id, PartnerKind kind) {
        return new PartnerEnrolled(id, kind, id, Set.of(), "operator", T0);
    }

    static PartnerSuspended suspended(String id) {
        return new PartnerSuspended(id, "test", "operator", T0);
    }

    static PartnerReinstated reinstated(String id) {
        return new PartnerReinstated(id, "test", "operator", T0);
    }

    static IntelligenceShared shared(String shareId, Tlp marking, Set<String> audience) {
        return new IntelligenceShared(
                shareId,
                "amazon",
                1,
                RecordKind.COUNTERFEIT_SELLER,
                marking,
                audience,
                subject(),
                List.of("repeat offender"),
                70,
                List.of(),
                null,
                null,
                null,
                null,
                "amazon",
                T0);
    }

    static IntelligenceShareAmended amended(String shareId, int version, Tlp marking, Set<String> audience) {
        return new IntelligenceShareAmended(
                shareId,
                version,
                RecordKind.COUNTERFEIT_PRODUCT,
                marking,
                audience,
                subject(),
                List.of("logo mismatch"),
                90,
                List.of(),
                null,
                null,
                null,
                null,
                "amazon",
                T0);
    }

    static IntelligenceShareAudienceExtended extended(String shareId, Set<String> added, Set<String> audience) {
        return new IntelligenceShareAudienceExtended(shareId, added, audience, "amazon", T0);
    }

    static IntelligenceShareWithdrawn withdrawn(String shareId) {
        return new IntelligenceShareWithdrawn(shareId, "mistaken", "amazon", T0);
    }

    static InspectionRequested inspection(String inspectionId, String requester, String carrier) {
        return new InspectionRequested(
                inspectionId,
                requester,
                carrier,
                new Shipment("JD014600006281234567", null, null),
                "USLAX",
                "suspect shipment",
                List.of(),
                InspectionPriority.HIGH,
                requester,
                T0);
    }

    static InvestigationOpened opened(String investigationId, String lead) {
        return new InvestigationOpened(investigationId, lead, "counterfeit shoes", List.of("A3KX9Q1L0PZ"), lead, T0);
    }

    static EvidenceLinked linked(String investigationId, String lead, String... shareIds) {
        return new EvidenceLinked(investigationId, List.of(shareIds), List.of(), lead, T0);
    }

    private static ShareSubject subject() {
        return new ShareSubject("A3KX9Q1L0PZ", null, null, null, null, null, null, null, null);
    }
}
