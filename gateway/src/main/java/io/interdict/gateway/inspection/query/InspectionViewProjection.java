package io.interdict.gateway.inspection.query;

import io.interdict.domain.inspection.InspectionAcknowledged;
import io.interdict.domain.inspection.InspectionCancelled;
import io.interdict.domain.inspection.InspectionCompleted;
import io.interdict.domain.inspection.InspectionRequested;
import io.interdict.domain.inspection.InspectionScheduled;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code inspection_view} in step with InspectionRequest events, idempotently: the request
 * is inserted once, every later event sets absolute values, and the status is derived by the
 * database from which facts are present.
 */
@Component
@ProcessingGroup(InspectionViewProjection.PROCESSOR)
class InspectionViewProjection {

    static final String PROCESSOR = "inspections";

    private final JdbcTemplate jdbc;

    InspectionViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InspectionRequested event) {
        jdbc.update(
                "insert into inspection_view (inspection_id, requester, carrier, tracking_number, air_waybill,"
                        + " container_number, port_of_entry, priority, linked_shares, requested_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?::varchar[], ?) on conflict (inspection_id) do nothing",
                event.inspectionId(),
                event.requestingAgency(),
                event.carrier(),
                event.shipment().trackingNumber(),
                event.shipment().airWaybill(),
                event.shipment().containerNumber(),
                event.portOfEntry(),
                event.priority().name(),
                event.linkedShares().toArray(String[]::new),
                timestamp(event.occurredAt()));
    }

    @EventHandler
    void on(InspectionAcknowledged event) {
        jdbc.update(
                "update inspection_view set acknowledged_at = ? where inspection_id = ?",
                timestamp(event.occurredAt()),
                event.inspectionId());
    }

    /** A later schedule replaces an earlier one; a replayed earlier one never overwrites a later one. */
    @EventHandler
    void on(InspectionScheduled event, @SequenceNumber long sequence) {
        jdbc.update(
                "update inspection_view set scheduled_for = ?, location = ?, scheduled_at = ?, schedule_sequence = ?"
                        + " where inspection_id = ? and (schedule_sequence is null or schedule_sequence <= ?)",
                timestamp(event.scheduledFor()),
                event.location(),
                timestamp(event.occurredAt()),
                sequence,
                event.inspectionId(),
                sequence);
    }

    @EventHandler
    void on(InspectionCompleted event) {
        jdbc.update(
                "update inspection_view set result = ?, completed_at = ? where inspection_id = ?",
                event.result().name(),
                timestamp(event.occurredAt()),
                event.inspectionId());
    }

    @EventHandler
    void on(InspectionCancelled event) {
        jdbc.update(
                "update inspection_view set cancelled_at = ? where inspection_id = ?",
                timestamp(event.occurredAt()),
                event.inspectionId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from inspection_view");
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
