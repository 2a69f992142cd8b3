package io.interdict.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.PartnerRole;
import io.interdict.gateway.support.GatewayIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo partners and agreements are enrolled from the bootstrap file, as events, once. */
class PartnerBootstrapIT extends GatewayIntegrationTest {

    /** Events recorded by the bootstrap, not by an operator through the admin API. */
    static final String BY_THE_GATEWAY = "convert_from(payload, 'UTF8')::jsonb ->> 'actor' = 'gateway'";

    static final String BOOTSTRAPPED = "select aggregate_identifier from domain_event_entry"
            + " where payload_type = 'io.interdict.domain.partner.PartnerEnrolled' and " + BY_THE_GATEWAY;

    @Autowired
    PartnerRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    List<ApplicationRunner> runners;

    @Test
    void theDemoPartnersAreEnrolledWithTheirKindsAndRoles() {
        assertThat(registry.find("amazon")).get().satisfies(amazon -> {
            assertThat(amazon.kind()).isEqualTo(PartnerKind.SIGNAL_PROVIDER);
            assertThat(amazon.roles()).containsExactly(PartnerRole.MARKETPLACE);
            assertThat(amazon.suspended()).isFalse();
        });
        assertThat(registry.find("dhl").orElseThrow().roles()).containsExactly(PartnerRole.CARRIER);
        assertThat(registry.find("ipr-center").orElseThrow().kind()).isEqualTo(PartnerKind.INVESTIGATOR);
        assertThat(registry.find("cbp").orElseThrow().kind()).isEqualTo(PartnerKind.BORDER_AUTHORITY);
        assertThat(registry.find("auditor").orElseThrow().kind()).isEqualTo(PartnerKind.AUDITOR);
        assertThat(registry.find("operator").orElseThrow().kind()).isEqualTo(PartnerKind.OPERATOR);
        assertThat(registry.find("mallory")).isEmpty();
    }

    @Test
    void enrolmentsAreEventsRecordedAsTheGatewaysOwnDoing() {
        String payload = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8') from domain_event_entry"
                        + " where aggregate_identifier = 'amazon' and sequence_number = 0",
                String.class);
        assertThat(payload).contains("\"kind\":\"SIGNAL_PROVIDER\"").contains("\"actor\":\"gateway\"");
    }

    @Test
    void theDirectoryProjectionHoldsThePartnersAndTheFourDemoAgreements() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // The suite shares one database: other tests enrol partners and sign agreements as the operator.
            assertThat(jdbc.queryForObject(
                            "select count(*) from partner where partner_id in (" + BOOTSTRAPPED + ")", Long.class))
                    .isEqualTo(6);
            assertThat(jdbc.queryForList(
                            "select provider || '->' || recipient || ' ' || max_marking from sharing_agreement"
                                    + " where agreement_id in (select aggregate_identifier from domain_event_entry"
                                    + " where payload_type = 'io.interdict.domain.agreement.SharingAgreementSigned'"
                                    + " and " + BY_THE_GATEWAY + ")",
                            String.class))
                    .containsExactlyInAnyOrder(
                            "amazon->ipr-center AMBER", "amazon->cbp AMBER", "dhl->ipr-center AMBER", "dhl->cbp AMBER");
        });
    }

    @Test
    void runningTheBootstrapAgainRecordsNothingNew() throws Exception {
        String enrolmentsAndAgreements = "select count(*) from domain_event_entry where payload_type in"
                + " ('io.interdict.domain.partner.PartnerEnrolled',"
                + " 'io.interdict.domain.agreement.SharingAgreementSigned') and " + BY_THE_GATEWAY;
        assertThat(jdbc.queryForObject(enrolmentsAndAgreements, Long.class)).isEqualTo(10);

        for (ApplicationRunner runner : runners) {
            if (runner.getClass().getSimpleName().equals("PartnerBootstrap")) {
                runner.run(new DefaultApplicationArguments());
            }
        }

        assertThat(jdbc.queryForObject(enrolmentsAndAgreements, Long.class)).isEqualTo(10);
    }
}
