package io.interdict.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.interdict.domain.common.Actor;
import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.inspection.InspectionPriority;
import io.interdict.domain.inspection.RequestInspection;
import io.interdict.domain.inspection.Shipment;
import io.interdict.domain.investigation.OpenInvestigation;
import io.interdict.gateway.support.ApiClient.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Steps the inspection and investigation tests share: pushing a share, requesting an inspection,
 * waiting for a read model to catch up, and records of parties outside the demo exchange.
 */
public final class LifecycleSteps {

    public static final Duration READ_MODEL = Duration.ofSeconds(30);

    private final ApiClient api;
    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    public LifecycleSteps(ApiClient api, JdbcTemplate jdbc, CommandGateway commands) {
        this.api = api;
        this.jdbc = jdbc;
        this.commands = commands;
    }

    /** A share body as PRODUCT.md §8 shows it, with the given marking and audience (JSON array text). */
    public static String share(String marking, String audience) {
        return "{\"kind\":\"COUNTERFEIT_PRODUCT\",\"marking\":\"" + marking + "\",\"audience\":" + audience
                + ",\"subject\":{\"sellerAccount\":\"A3KX9Q1L0PZ\",\"trackingNumber\":\"JD014600006281234567\","
                + "\"portOfEntry\":\"USLAX\"},\"indicators\":[\"price 80% under list\"],\"confidence\":85}";
    }

    /** Pushes a share and waits until {@code reader} can read it (or, with null, until it is in the read model). */
    public String pushShare(String provider, String body, String reader) {
        Response pushed = api.post(provider, "/api/v1/shares", body);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        String shareId = pushed.json().get("aggregateId").asText();
        await().atMost(READ_MODEL)
                .until(() ->
                        jdbc.queryForObject("select count(*) from share_view where share_id = ?", Long.class, shareId)
                                == 1);
        if (reader != null) {
            await().atMost(READ_MODEL)
                    .until(() -> api.get(reader, "/api/v1/shares/" + shareId).status() == 200);
        }
        return shareId;
    }

    /** An inspection request body for a shipment carried by {@code carrier}. */
    public static String inspection(String carrier, String linkedShares) {
        return "{\"carrier\":\"" + carrier + "\",\"shipment\":{\"trackingNumber\":\"JD014600006281234567\","
                + "\"airWaybill\":\"176-12345675\"},\"portOfEntry\":\"USLAX\",\"reason\":\"counterfeit footwear"
                + " reported by the marketplace\",\"linkedShares\":" + linkedShares + ",\"priority\":\"HIGH\"}";
    }

    /** Requests an inspection and waits until it is in the read model. */
    public String requestInspection(String requester, String body) {
        Response requested = api.post(requester, "/api/v1/inspections", body);
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String inspectionId = requested.json().get("aggregateId").asText();
        awaitRow("inspection_view", "inspection_id", inspectionId);
        return inspectionId;
    }

    /** Opens an investigation and waits until it is in the read model. */
    public String openInvestigation(String lead) {
        Response opened = api.post(
                lead,
                "/api/v1/investigations",
                "{\"title\":\"Counterfeit footwear ring\",\"subjects\":[\"A3KX9Q1L0PZ\"]}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String investigationId = opened.json().get("aggregateId").asText();
        awaitRow("investigation_view", "investigation_id", investigationId);
        return investigationId;
    }

    public void awaitRow(String table, String idColumn, String id) {
        await().atMost(READ_MODEL)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from " + table + " where " + idColumn + " = ?", Long.class, id)
                        == 1);
    }

    /**
     * Requests an inspection straight through the command bus, for a carrier and by a border
     * authority that are not demo partners: a request that dhl (the only demo carrier) and ipr-center
     * must not see. No partner is enrolled, so the demo partner directory stays as the bootstrap left it.
     */
    public String requestInspectionOutsideTheDemo(String borderAuthority, String carrier) {
        String inspectionId = UUID.randomUUID().toString();
        commands.sendAndWait(new RequestInspection(
                inspectionId,
                carrier,
                new Shipment(null, null, "MSKU1234565"),
                "NLRTM",
                "container flagged by risk scoring",
                List.of(),
                InspectionPriority.MEDIUM,
                Actor.of(borderAuthority, PartnerKind.BORDER_AUTHORITY)));
        awaitRow("inspection_view", "inspection_id", inspectionId);
        return inspectionId;
    }

    /** Opens an investigation straight through the command bus, led by an investigator that is not a demo partner. */
    public String openInvestigationOutsideTheDemo(String lead) {
        String investigationId = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenInvestigation(
                investigationId, "Another agency's case", List.of("X"), Actor.of(lead, PartnerKind.INVESTIGATOR)));
        awaitRow("investigation_view", "investigation_id", investigationId);
        return investigationId;
    }

    /** Enrols a fresh partner through the admin API ({@code roles} a JSON array text) and returns its id. */
    public String enrol(String prefix, PartnerKind kind, String roles) {
        String id = Shares.freshPartnerId(prefix);
        Response enrolled = api.post(
                "operator",
                "/api/v1/admin/partners",
                "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"displayName\":\"Partner " + id + "\",\"roles\":"
                        + roles + "}");
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        return id;
    }

    /** Signs an agreement from {@code provider} to {@code recipient}: every record kind, up to TLP:AMBER+STRICT. */
    public void signAgreement(String provider, String recipient) {
        Response signed = api.post(
                "operator",
                "/api/v1/admin/agreements",
                "{\"provider\":\"" + provider + "\",\"recipient\":\"" + recipient + "\",\"kinds\":"
                        + "[\"COUNTERFEIT_SELLER\",\"COUNTERFEIT_PRODUCT\",\"SUSPECT_SHIPMENT\",\"PRICE_GOUGING\","
                        + "\"FRAUD\"],\"maxMarking\":\"TLP:AMBER+STRICT\",\"validFrom\":\"2026-01-01T00:00:00Z\"}");
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
    }

    /** Suspends a partner through the admin API. */
    public void suspend(String partnerId) {
        Response suspended =
                api.post("operator", "/api/v1/admin/partners/" + partnerId + "/suspension", "{\"reason\":\"test\"}");
        assertThat(suspended.status()).as(suspended.body()).isBetween(200, 201);
    }

    /**
     * Every partner enrolled as a border authority so far (other tests in the shared gateway enrol
     * some), straight from the stored enrolment events.
     */
    public List<String> borderAuthorities() {
        return jdbc.queryForList(
                "select aggregate_identifier from domain_event_entry where payload_type ="
                        + " 'io.interdict.domain.partner.PartnerEnrolled'"
                        + " and convert_from(payload, 'UTF8') like '%\"kind\":\"BORDER_AUTHORITY\"%'",
                String.class);
    }

    /** How many inspection and investigation events are stored (reads may log events of their own). */
    public long storedEvents() {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type like 'io.interdict.domain.inspection.%'"
                        + " or payload_type like 'io.interdict.domain.investigation.%'",
                Long.class);
    }
}
