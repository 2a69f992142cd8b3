package io.interdict.domain.investigation;

import static io.interdict.domain.common.ActorFixtures.AMAZON;
import static io.interdict.domain.common.ActorFixtures.CBP;
import static io.interdict.domain.common.ActorFixtures.CLOCK;
import static io.interdict.domain.common.ActorFixtures.IPR_CENTER;
import static io.interdict.domain.common.ActorFixtures.NOW;
import static io.interdict.domain.common.ActorFixtures.suspended;
import static io.interdict.domain.common.Refusals.refusedAs;
import static org.hamcrest.Matchers.containsString;

import io.interdict.domain.common.Actor;
import io.interdict.domain.common.DomainRuleViolation;
import io.interdict.domain.common.DomainRuleViolation.Reason;
import io.interdict.domain.common.PartnerKind;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvestigationTest {

    static final String INVESTIGATION_ID = "9b3d0000-0000-4000-8000-000000000001";
    static final String SHARE_ID = "5d1e0000-0000-4000-8000-000000000001";
    static final String INSPECTION_ID = "7a2c0000-0000-4000-8000-000000000001";
    static final Actor OTHER_AGENCY = Actor.of("hsi", PartnerKind.INVESTIGATOR);

    static final InvestigationOpened OPENED = new InvestigationOpened(
            INVESTIGATION_ID, "ipr-center", "Northline sneakers", List.of("A3KX9Q1L0PZ"), "ipr-center", NOW);

    static final EvidenceLinked SHARE_LINKED =
            new EvidenceLinked(INVESTIGATION_ID, List.of(SHARE_ID), List.of(), "ipr-center", NOW);

    static final InvestigationClosed CLOSED = new InvestigationClosed(INVESTIGATION_ID, null, "ipr-center", NOW);

    private FixtureConfiguration<Investigation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Investigation.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void investigatorOpensInvestigationAndLeadsIt() {
        fixture.givenNoPriorActivity()
                .when(new OpenInvestigation(INVESTIGATION_ID, "Northline sneakers", List.of("A3KX9Q1L0PZ"), IPR_CENTER))
                .expectEvents(OPENED);
    }

    @Test
    void borderAuthorityCannotOpenInvestigations() {
        fixture.givenNoPriorActivity()
                .when(new OpenInvestigation(INVESTIGATION_ID, "case", List.of(), CBP))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(containsString(
                        "only an investigator may open an investigation; found cbp, a border authority"));
    }

    @Test
    void suspendedInvestigatorCannotOpenInvestigations() {
        fixture.givenNoPriorActivity()
                .when(new OpenInvestigation(INVESTIGATION_ID, "case", List.of(), suspended(IPR_CENTER)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("partner ipr-center is suspended"));
    }

    @Test
    void investigationNeedsATitle() {
        fixture.givenNoPriorActivity()
                .when(new OpenInvestigation(INVESTIGATION_ID, "", List.of(), IPR_CENTER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected a title to be given; found a blank value"));
    }

    @Test
    void leadAgencyLinksEvidence() {
        fixture.given(OPENED)
                .when(new LinkEvidence(INVESTIGATION_ID, List.of(SHARE_ID), List.of(INSPECTION_ID), IPR_CENTER))
                .expectEvents(new EvidenceLinked(
                        INVESTIGATION_ID, List.of(SHARE_ID), List.of(INSPECTION_ID), "ipr-center", NOW));
    }

    @Test
    void onlyTheLeadAgencyLinksEvidence() {
        fixture.given(OPENED)
                .when(new LinkEvidence(INVESTIGATION_ID, List.of(SHARE_ID), null, OTHER_AGENCY))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(containsString("only the lead agency ipr-center may link evidence to"
                        + " investigation " + INVESTIGATION_ID + "; found hsi"));
    }

    @Test
    void linkNeedsEvidence() {
        fixture.given(OPENED)
                .when(new LinkEvidence(INVESTIGATION_ID, List.of(), null, IPR_CENTER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected at least one share or inspection id; found none"));
    }

    @Test
    void evidenceIsLinkedOnce() {
        fixture.given(OPENED, SHARE_LINKED)
                .when(new LinkEvidence(INVESTIGATION_ID, List.of(SHARE_ID), null, IPR_CENTER))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_INPUT))
                .expectExceptionMessage(containsString("expected shares not yet linked to investigation "
                        + INVESTIGATION_ID + "; found " + SHARE_ID + " already linked"));
    }

    @Test
    void closedInvestigationTakesNoEvidence() {
        fixture.given(OPENED, CLOSED)
                .when(new LinkEvidence(INVESTIGATION_ID, List.of(SHARE_ID), null, IPR_CENTER))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(containsString("investigation " + INVESTIGATION_ID
                        + " is closed; expected an open investigation to link evidence to"));
    }

    @Test
    void leadAgencyRecordsOutcome() {
        fixture.given(OPENED, SHARE_LINKED)
                .when(new RecordInvestigationOutcome(
                        INVESTIGATION_ID, InvestigationOutcome.CIVIL_LITIGATION, "suit filed", IPR_CENTER))
                .expectEvents(new InvestigationOutcomeRecorded(
                        INVESTIGATION_ID, InvestigationOutcome.CIVIL_LITIGATION, "suit filed", "ipr-center", NOW));
    }

    @Test
    void onlyTheLeadAgencyRecordsOutcomes() {
        fixture.given(OPENED)
                .when(new RecordInvestigationOutcome(INVESTIGATION_ID, InvestigationOutcome.NO_ACTION, null, AMAZON))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.NOT_PERMITTED))
                .expectExceptionMessage(containsString("only the lead agency ipr-center may record the outcome of"
                        + " investigation " + INVESTIGATION_ID + "; found amazon"));
    }

    @Test
    void outcomeMustBeNamed() {
        fixture.given(OPENED)
                .when(new RecordInvestigationOutcome(INVESTIGATION_ID, null, "details", IPR_CENTER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("expected an outcome to be given; found nothing"));
    }

    @Test
    void closedInvestigationTakesNoOutcome() {
        fixture.given(OPENED, CLOSED)
                .when(new RecordInvestigationOutcome(
                        INVESTIGATION_ID, InvestigationOutcome.CRIMINAL_REFERRAL, null, IPR_CENTER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(
                        containsString("is closed; expected an open investigation to record an outcome"));
    }

    @Test
    void leadAgencyClosesInvestigation() {
        fixture.given(OPENED)
                .when(new CloseInvestigation(INVESTIGATION_ID, null, IPR_CENTER))
                .expectEvents(CLOSED);
    }

    @Test
    void onlyTheLeadAgencyCloses() {
        fixture.given(OPENED)
                .when(new CloseInvestigation(INVESTIGATION_ID, null, OTHER_AGENCY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("only the lead agency ipr-center may close investigation"));
    }

    @Test
    void suspendedLeadAgencyCannotClose() {
        fixture.given(OPENED)
                .when(new CloseInvestigation(INVESTIGATION_ID, null, suspended(IPR_CENTER)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("partner ipr-center is suspended"));
    }

    @Test
    void closedInvestigationCannotBeClosedAgain() {
        fixture.given(OPENED, CLOSED)
                .when(new CloseInvestigation(INVESTIGATION_ID, null, IPR_CENTER))
                .expectException(DomainRuleViolation.class)
                .expectException(refusedAs(Reason.INVALID_STATE))
                .expectExceptionMessage(containsString("is closed; expected an open investigation to close"));
    }
}
