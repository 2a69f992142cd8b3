package io.interdict.gateway.investigation.query;

import io.interdict.domain.investigation.EvidenceLinked;
import io.interdict.domain.investigation.InvestigationClosed;
import io.interdict.domain.investigation.InvestigationOpened;
import io.interdict.domain.investigation.InvestigationOutcomeRecorded;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code investigation_view}, {@code investigation_evidence}, {@code investigation_inspection}
 * and {@code investigation_outcome} in step with Investigation events, idempotently: rows keyed by
 * the event's ids or sequence number are inserted once, updates set absolute values.
 */
@Component
@ProcessingGroup(InvestigationViewProjection.PROCESSOR)
class InvestigationViewProjection {

    static final String PROCESSOR = "investigations";

    private final JdbcTemplate jdbc;

    InvestigationViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InvestigationOpened event) {
        jdbc.update(
                "insert into investigation_view (investigation_id, lead_agency, title, subjects, opened_at)"
                        + " values (?, ?, ?, ?::text[], ?) on conflict (investigation_id) do nothing",
                event.investigationId(),
                event.leadAgency(),
                event.title(),
                event.subjects().toArray(String[]::new),
                Timestamp.from(event.occurredAt()));
    }

    @EventHandler
    void on(EvidenceLinked event, @SequenceNumber long sequence) {
        for (String shareId : event.shareIds()) {
            jdbc.update(
                    "insert into investigation_evidence (investigation_id, share_id, linked_by, linked_at,"
                            + " sequence_number) values (?, ?, ?, ?, ?) on conflict do nothing",
                    event.investigationId(),
                    shareId,
                    event.actor(),
                    Timestamp.from(event.occurredAt()),
                    sequence);
        }
        for (String inspectionId : event.inspectionIds()) {
            jdbc.update(
                    "insert into investigation_inspection (investigation_id, inspection_id, linked_by, linked_at,"
                            + " sequence_number) values (?, ?, ?, ?, ?) on conflict do nothing",
                    event.investigationId(),
                    inspectionId,
                    event.actor(),
                    Timestamp.from(event.occurredAt()),
                    sequence);
        }
    }

    @EventHandler
    void on(InvestigationOutcomeRecorded event, @SequenceNumber long sequence) {
        jdbc.update(
                "insert into investigation_outcome (investigation_id, sequence_number, outcome, details,"
                        + " recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                event.investigationId(),
                sequence,
                event.outcome().name(),
                event.details(),
                event.actor(),
                Timestamp.from(event.occurredAt()));
        // The latest outcome; a replayed earlier one never overwrites a later one.
        jdbc.update(
                "update investigation_view set outcome = ?, outcome_details = ?, outcome_recorded_at = ?,"
                        + " outcome_sequence = ? where investigation_id = ?"
                        + " and (outcome_sequence is null or outcome_sequence <= ?)",
                event.outcome().name(),
                event.details(),
                Timestamp.from(event.occurredAt()),
                sequence,
                event.investigationId(),
                sequence);
    }

    @EventHandler
    void on(InvestigationClosed event) {
        jdbc.update(
                "update investigation_view set closed_at = ? where investigation_id = ?",
                Timestamp.from(event.occurredAt()),
                event.investigationId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from investigation_outcome");
        jdbc.update("delete from investigation_inspection");
        jdbc.update("delete from investigation_evidence");
        jdbc.update("delete from investigation_view");
    }
}
