package io.interdict.gateway.audit;

import static io.interdict.gateway.audit.AuditFixtures.amended;
import static io.interdict.gateway.audit.AuditFixtures.at;
import static io.interdict.gateway.audit.AuditFixtures.enrolled;
import static io.interdict.gateway.audit.AuditFixtures.event;
import static io.interdict.gateway.audit.AuditFixtures.extended;
import static io.interdict.gateway.audit.AuditFixtures.linked;
import static io.interdict.gateway.audit.AuditFixtures.opened;
import static io.interdict.gateway.audit.AuditFixtures.reinstated;
import static io.interdict.gateway.audit.AuditFixtures.shared;
import static io.interdict.gateway.audit.AuditFixtures.suspended;
import static io.interdict.gateway.audit.AuditFixtures.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;

import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Folding events recorded up to an instant: what the partners, a share and an investigation were then. */
class ReplayTest {

    static final List<TimedEvent> CBP_HISTORY = List.of(
            event(0, enrolled("cbp", PartnerKind.BORDER_AUTHORITY)),
            event(10, suspended("cbp")),
            event(20, reinstated("cbp")));

    static final List<TimedEvent> SHARE_HISTORY = List.of(
            event(0, shared("s-1", Tlp.AMBER, Set.of("cbp"))),
            event(10, amended("s-1", 2, Tlp.RED, Set.of("cbp"))),
            event(20, extended("s-1", Set.of("ipr-center"), Set.of("cbp", "ipr-center"))),
            event(30, withdrawn("s-1")));

    @Test
    void aPartnerIsUnknownBeforeItsEnrolment() {
        assertThat(PartnerFacts.asOf(CBP_HISTORY, at(-1))).isEmpty();
    }

    @Test
    void aPartnerIsSuspendedFromTheInstantOfItsSuspensionUntilItsReinstatement() {
        assertThat(PartnerFacts.asOf(CBP_HISTORY, at(9)).orElseThrow().suspended())
                .isFalse();
        assertThat(PartnerFacts.asOf(CBP_HISTORY, at(10)).orElseThrow().suspended())
                .isTrue();
        assertThat(PartnerFacts.asOf(CBP_HISTORY, at(19)).orElseThrow().suspended())
                .isTrue();
        assertThat(PartnerFacts.asOf(CBP_HISTORY, at(20)).orElseThrow().suspended())
                .isFalse();
        assertThat(PartnerFacts.asOf(CBP_HISTORY, at(20)).orElseThrow().kind()).isEqualTo(PartnerKind.BORDER_AUTHORITY);
    }

    @Test
    void aShareDidNotExistBeforeItWasPushed() {
        assertThat(ShareState.asOf(SHARE_HISTORY, at(-1))).isEmpty();
    }

    @Test
    void aShareAsOfAnInstantIsTheVersionInForceThen() {
        ShareState first = ShareState.asOf(SHARE_HISTORY, at(9)).orElseThrow();
        assertThat(first)
                .isEqualTo(new ShareState(
                        "s-1", "amazon", RecordKind.COUNTERFEIT_SELLER, Tlp.AMBER, Set.of("cbp"), 1, false));

        ShareState second = ShareState.asOf(SHARE_HISTORY, at(10)).orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.marking()).isEqualTo(Tlp.RED);
        assertThat(second.kind()).isEqualTo(RecordKind.COUNTERFEIT_PRODUCT);
        assertThat(second.provider()).isEqualTo("amazon");
    }

    @Test
    void anAudienceExtensionAndAWithdrawalCountFromTheirInstant() {
        assertThat(ShareState.asOf(SHARE_HISTORY, at(20)).orElseThrow().audience())
                .containsExactly("cbp", "ipr-center");
        assertThat(ShareState.asOf(SHARE_HISTORY, at(29)).orElseThrow().withdrawn())
                .isFalse();
        assertThat(ShareState.asOf(SHARE_HISTORY, at(30)).orElseThrow().withdrawn())
                .isTrue();
    }

    @Test
    void anInvestigationHasLinkedOnlyTheEvidenceLinkedByThen() {
        List<TimedEvent> history = List.of(
                event(0, opened("inv-1", "ipr-center")),
                event(10, linked("inv-1", "ipr-center", "s-1")),
                event(20, linked("inv-1", "ipr-center", "s-2")));

        assertThat(InvestigationState.asOf(history, at(-1))).isEmpty();
        assertThat(InvestigationState.asOf(history, at(9)).orElseThrow().linkedShareIds())
                .isEmpty();
        assertThat(InvestigationState.asOf(history, at(15)).orElseThrow().linkedShareIds())
                .containsExactly("s-1");
        assertThat(InvestigationState.asOf(history, at(20)).orElseThrow().linkedShareIds())
                .containsExactly("s-1", "s-2");
        assertThat(InvestigationState.asOf(history, at(20)).orElseThrow().leadAgency())
                .isEqualTo("ipr-center");
    }
}
