package io.interdict.gateway.inspection.query;

import io.interdict.domain.common.PartnerKind;
import io.interdict.gateway.web.PageCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inspection lookups with the visibility rule of PRODUCT.md §3 in the SQL itself: the database
 * returns only what the reader may see, so an invisible inspection and an unknown one are the same
 * "nothing", and a list never counts what the reader may not see.
 */
@Component
public class InspectionQueries {

    /** One page of a list, and the cursor of the next one (null on the last page). */
    public record Page(List<InspectionView> items, PageCursor next) {}

    /**
     * The visibility predicate over {@code inspection_view i}, for a reader given as (kind, id, id):
     * auditors and every border authority, the requesting agency, and the carrier of the shipment.
     */
    static final String VISIBLE_TO_READER =
            "(? in ('AUDITOR', 'BORDER_AUTHORITY') or i.requester = ? or i.carrier = ?)";

    private static final String COLUMNS = "i.inspection_id, i.status, i.requester, i.carrier, i.tracking_number,"
            + " i.air_waybill, i.container_number, i.port_of_entry, i.priority, i.linked_shares, i.requested_at,"
            + " i.acknowledged_at, i.scheduled_for, i.location, i.scheduled_at, i.result, i.completed_at,"
            + " i.cancelled_at";

    private final JdbcTemplate jdbc;

    InspectionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<InspectionView> findVisible(String inspectionId, String reader, PartnerKind readerKind) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from inspection_view i where i.inspection_id = ? and "
                                + VISIBLE_TO_READER,
                        InspectionQueries::view,
                        inspectionId,
                        readerKind.name(),
                        reader,
                        reader)
                .stream()
                .findFirst();
    }

    /**
     * The inspections {@code reader} may see, newest first, optionally of one status and port;
     * {@code after} is the cursor of the previous page.
     */
    public Page list(
            String reader, PartnerKind readerKind, InspectionStatus status, String port, PageCursor after, int limit) {
        StringBuilder sql =
                new StringBuilder("select " + COLUMNS + " from inspection_view i where " + VISIBLE_TO_READER);
        List<Object> arguments = new ArrayList<>(List.of(readerKind.name(), reader, reader));
        if (status != null) {
            sql.append(" and i.status = ?");
            arguments.add(status.name());
        }
        if (port != null) {
            sql.append(" and i.port_of_entry = ?");
            arguments.add(port);
        }
        if (after != null) {
            sql.append(" and (i.requested_at, i.inspection_id) < (?, ?)");
            arguments.add(Timestamp.from(after.at()));
            arguments.add(after.id());
        }
        sql.append(" order by i.requested_at desc, i.inspection_id desc limit ?");
        arguments.add(limit + 1);
        List<InspectionView> rows = jdbc.query(sql.toString(), InspectionQueries::view, arguments.toArray());
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<InspectionView> page = rows.subList(0, limit);
        InspectionView last = page.get(limit - 1);
        return new Page(List.copyOf(page), new PageCursor(last.requestedAt(), last.inspectionId()));
    }

    private static InspectionView view(ResultSet row, int rowNumber) throws SQLException {
        return new InspectionView(
                row.getString("inspection_id"),
                InspectionStatus.valueOf(row.getString("status")),
                row.getString("requester"),
                row.getString("carrier"),
                row.getString("tracking_number"),
                row.getString("air_waybill"),
                row.getString("container_number"),
                row.getString("port_of_entry"),
                row.getString("priority"),
                List.of((String[]) row.getArray("linked_shares").getArray()),
                instant(row.getTimestamp("requested_at")),
                instant(row.getTimestamp("acknowledged_at")),
                instant(row.getTimestamp("scheduled_for")),
                row.getString("location"),
                instant(row.getTimestamp("scheduled_at")),
                row.getString("result"),
                instant(row.getTimestamp("completed_at")),
                instant(row.getTimestamp("cancelled_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
