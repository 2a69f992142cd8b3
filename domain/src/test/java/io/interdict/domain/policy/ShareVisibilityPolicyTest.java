package io.interdict.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.Tlp;
import io.interdict.domain.policy.ShareVisibilityPolicy.Reader;
import io.interdict.domain.policy.ShareVisibilityPolicy.ShareFacts;
import io.interdict.domain.policy.ShareVisibilityPolicy.Visibility;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShareVisibilityPolicyTest {

    static final Reader AMAZON = new Reader("amazon", PartnerKind.SIGNAL_PROVIDER, false, true);
    static final Reader CBP = new Reader("cbp", PartnerKind.BORDER_AUTHORITY, false, true);
    static final Reader IPR_CENTER = new Reader("ipr-center", PartnerKind.INVESTIGATOR, false, true);
    static final Reader DHL = new Reader("dhl", PartnerKind.SIGNAL_PROVIDER, false, true);
    static final Reader AUDITOR = new Reader("auditor", PartnerKind.AUDITOR, false, true);

    private final ShareVisibilityPolicy policy = new ShareVisibilityPolicy();

    private static ShareFacts share(Tlp marking, boolean withdrawn) {
        return new ShareFacts("amazon", marking, Set.of("cbp"), withdrawn);
    }

    private VisibilityRule rule(Reader reader, ShareFacts share, Set<String> linkingInvestigations) {
        Visibility visibility = policy.decide(reader, share, linkingInvestigations);
        assertThat(visibility.visible()).isEqualTo(visibility.rule() != VisibilityRule.NOT_VISIBLE);
        return visibility.rule();
    }

    @ParameterizedTest
    @EnumSource(Tlp.class)
    void auditorSeesEveryShare(Tlp marking) {
        assertThat(rule(AUDITOR, share(marking, false), Set.of())).isEqualTo(VisibilityRule.AUDITOR);
    }

    @ParameterizedTest
    @EnumSource(Tlp.class)
    void providerSeesItsOwnShare(Tlp marking) {
        assertThat(rule(AMAZON, share(marking, false), Set.of())).isEqualTo(VisibilityRule.PROVIDER);
    }

    @ParameterizedTest
    @EnumSource(Tlp.class)
    void audienceSeesTheShare(Tlp marking) {
        assertThat(rule(CBP, share(marking, false), Set.of())).isEqualTo(VisibilityRule.AUDIENCE);
    }

    @ParameterizedTest
    @EnumSource(
            value = Tlp.class,
            names = {"CLEAR", "GREEN"})
    void everyEnrolledPartnerSeesClearAndGreenShares(Tlp marking) {
        assertThat(rule(DHL, share(marking, false), Set.of())).isEqualTo(VisibilityRule.PUBLIC_MARKING);
    }

    @ParameterizedTest
    @EnumSource(
            value = Tlp.class,
            names = {"AMBER", "AMBER_STRICT", "RED"})
    void partnerOutsideTheAudienceDoesNotSeeRestrictedShares(Tlp marking) {
        assertThat(rule(DHL, share(marking, false), Set.of())).isEqualTo(VisibilityRule.NOT_VISIBLE);
    }

    @Test
    void leadOfALinkingInvestigationSeesAnAmberShare() {
        assertThat(rule(IPR_CENTER, share(Tlp.AMBER, false), Set.of("inv-1")))
                .isEqualTo(VisibilityRule.INVESTIGATION_LINK);
    }

    @ParameterizedTest
    @EnumSource(
            value = Tlp.class,
            names = {"AMBER_STRICT", "RED"})
    void investigationLinkDoesNotRevealStrictShares(Tlp marking) {
        assertThat(rule(IPR_CENTER, share(marking, false), Set.of("inv-1"))).isEqualTo(VisibilityRule.NOT_VISIBLE);
    }

    @Test
    void suspendedReaderSeesNothing() {
        Reader suspendedCbp = new Reader("cbp", PartnerKind.BORDER_AUTHORITY, true, true);
        assertThat(rule(suspendedCbp, share(Tlp.CLEAR, false), Set.of())).isEqualTo(VisibilityRule.NOT_VISIBLE);
    }

    @Test
    void suspendedAuditorSeesNothing() {
        Reader suspendedAuditor = new Reader("auditor", PartnerKind.AUDITOR, true, true);
        assertThat(rule(suspendedAuditor, share(Tlp.CLEAR, false), Set.of())).isEqualTo(VisibilityRule.NOT_VISIBLE);
    }

    @Test
    void unenrolledReaderSeesNothingEvenWhenNamed() {
        Reader unenrolledCbp = new Reader("cbp", PartnerKind.BORDER_AUTHORITY, false, false);
        assertThat(rule(unenrolledCbp, share(Tlp.GREEN, false), Set.of())).isEqualTo(VisibilityRule.NOT_VISIBLE);
    }

    @Test
    void withdrawalDoesNotHideTheShareFromItsAudience() {
        assertThat(rule(CBP, share(Tlp.RED, true), Set.of())).isEqualTo(VisibilityRule.AUDIENCE);
    }
}
