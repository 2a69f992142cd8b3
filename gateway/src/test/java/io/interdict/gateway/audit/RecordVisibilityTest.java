package io.interdict.gateway.audit;

import static io.interdict.gateway.audit.AuditFixtures.AMAZON;
import static io.interdict.gateway.audit.AuditFixtures.AUDITOR;
import static io.interdict.gateway.audit.AuditFixtures.CBP;
import static io.interdict.gateway.audit.AuditFixtures.DHL;
import static io.interdict.gateway.audit.AuditFixtures.IPR_CENTER;
import static io.interdict.gateway.audit.AuditFixtures.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PRODUCT.md §3 per record kind, for one partner and facts replayed to an instant. */
class RecordVisibilityTest {

    static ShareState share(Tlp marking, boolean withdrawn) {
        return new ShareState("s-1", "amazon", RecordKind.COUNTERFEIT_SELLER, marking, Set.of("cbp"), 1, withdrawn);
    }

    static RecordRule shareRule(PartnerFacts partner, ShareState share, Set<String> linking) {
        PartnerVisibility visibility = RecordVisibility.share(partner, share, linking);
        assertThat(visibility.visible()).isEqualTo(visibility.rule() != RecordRule.NOT_VISIBLE);
        assertThat(visibility.reason() == null).isEqualTo(visibility.visible());
        return visibility.rule();
    }

    @Test
    void anAmberShareIsVisibleToItsProviderItsAudienceAndAuditorsOnly() {
        ShareState amber = share(Tlp.AMBER, false);
        assertThat(shareRule(AMAZON, amber, Set.of())).isEqualTo(RecordRule.PROVIDER);
        assertThat(shareRule(CBP, amber, Set.of())).isEqualTo(RecordRule.AUDIENCE);
        assertThat(shareRule(AUDITOR, amber, Set.of())).isEqualTo(RecordRule.AUDITOR);
        assertThat(shareRule(DHL, amber, Set.of())).isEqualTo(RecordRule.NOT_VISIBLE);
        assertThat(shareRule(IPR_CENTER, amber, Set.of())).isEqualTo(RecordRule.NOT_VISIBLE);
        assertThat(shareRule(OPERATOR, amber, Set.of())).isEqualTo(RecordRule.NOT_VISIBLE);
    }

    @Test
    void aSuspendedPartnerSeesNothingAndIsToldSo() {
        PartnerVisibility cbp = RecordVisibility.share(CBP.withSuspended(true), share(Tlp.AMBER, false), Set.of());
        assertThat(cbp.visible()).isFalse();
        assertThat(cbp.suspended()).isTrue();
        assertThat(cbp.reason()).isEqualTo(RecordVisibility.SUSPENDED);
        assertThat(RecordVisibility.share(AUDITOR.withSuspended(true), share(Tlp.CLEAR, false), Set.of())
                        .visible())
                .isFalse();
    }

    @Test
    void anAmberShareLinkedIntoAnInvestigationIsVisibleToItsLead() {
        assertThat(shareRule(IPR_CENTER, share(Tlp.AMBER, false), Set.of("inv-1")))
                .isEqualTo(RecordRule.INVESTIGATION_LINK);
        assertThat(shareRule(IPR_CENTER, share(Tlp.RED, false), Set.of("inv-1")))
                .isEqualTo(RecordRule.NOT_VISIBLE);
    }

    @ParameterizedTest
    @EnumSource(
            value = Tlp.class,
            names = {"CLEAR", "GREEN"})
    void aPublicShareIsVisibleToEveryUnsuspendedPartner(Tlp marking) {
        assertThat(shareRule(DHL, share(marking, false), Set.of())).isEqualTo(RecordRule.PUBLIC_MARKING);
        assertThat(shareRule(OPERATOR, share(marking, false), Set.of())).isEqualTo(RecordRule.PUBLIC_MARKING);
    }

    @Test
    void aWithdrawnShareStaysVisibleToItsAudience() {
        assertThat(shareRule(CBP, share(Tlp.AMBER, true), Set.of())).isEqualTo(RecordRule.AUDIENCE);
    }

    @Test
    void aStrictShareNamesWhyOthersCannotSeeIt() {
        assertThat(RecordVisibility.share(DHL, share(Tlp.RED, false), Set.of()).reason())
                .isEqualTo("neither the provider nor in the audience of a TLP:RED share, which only they may see");
    }

    @Test
    void anInspectionIsVisibleToItsRequesterEveryBorderAuthorityItsCarrierAndAuditors() {
        InspectionState inspection = new InspectionState("i-1", "ipr-center", "dhl");
        PartnerFacts otherBorder = new PartnerFacts("cbsa", PartnerKind.BORDER_AUTHORITY, Set.of(), false);

        assertThat(RecordVisibility.inspection(IPR_CENTER, inspection).rule()).isEqualTo(RecordRule.REQUESTER);
        assertThat(RecordVisibility.inspection(CBP, inspection).rule()).isEqualTo(RecordRule.BORDER_AUTHORITY);
        assertThat(RecordVisibility.inspection(otherBorder, inspection).rule()).isEqualTo(RecordRule.BORDER_AUTHORITY);
        assertThat(RecordVisibility.inspection(DHL, inspection).rule()).isEqualTo(RecordRule.CARRIER);
        assertThat(RecordVisibility.inspection(AUDITOR, inspection).rule()).isEqualTo(RecordRule.AUDITOR);
        assertThat(RecordVisibility.inspection(AMAZON, inspection).visible()).isFalse();
        assertThat(RecordVisibility.inspection(CBP.withSuspended(true), inspection)
                        .visible())
                .isFalse();
    }

    @Test
    void anInvestigationIsVisibleToItsLeadAndAuditorsOnly() {
        InvestigationState investigation =
                new InvestigationState("inv-1", "ipr-center", Set.of("s-1"), Set.of(), false);

        assertThat(RecordVisibility.investigation(IPR_CENTER, investigation, false, Set.of("amazon"))
                        .rule())
                .isEqualTo(RecordRule.LEAD_AGENCY);
        assertThat(RecordVisibility.investigation(AUDITOR, investigation, false, Set.of("amazon"))
                        .rule())
                .isEqualTo(RecordRule.AUDITOR);
        assertThat(RecordVisibility.investigation(AMAZON, investigation, false, Set.of("amazon"))
                        .visible())
                .isFalse();
        assertThat(RecordVisibility.investigation(CBP, investigation, false, Set.of("amazon"))
                        .visible())
                .isFalse();
    }

    @Test
    void anInvestigationOutcomeIsAlsoVisibleToTheProvidersOfLinkedShares() {
        InvestigationState investigation =
                new InvestigationState("inv-1", "ipr-center", Set.of("s-1"), Set.of(), false);

        assertThat(RecordVisibility.investigation(AMAZON, investigation, true, Set.of("amazon"))
                        .rule())
                .isEqualTo(RecordRule.LINKED_SHARE_PROVIDER);
        assertThat(RecordVisibility.investigation(DHL, investigation, true, Set.of("amazon"))
                        .visible())
                .isFalse();
    }

    @Test
    void partnerAgreementAndAccessRecordsAreForAuditorsOnly() {
        assertThat(RecordVisibility.auditorsOnly(AUDITOR, "partner").rule()).isEqualTo(RecordRule.AUDITOR);
        assertThat(RecordVisibility.auditorsOnly(OPERATOR, "partner").visible()).isFalse();
        assertThat(RecordVisibility.auditorsOnly(AMAZON, "access").reason())
                .isEqualTo("access records are served to auditors only");
    }
}
