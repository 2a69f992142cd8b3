package io.interdict.gateway.investigation.query;

import io.interdict.domain.common.PartnerKind;
import io.interdict.gateway.investigation.query.InvestigationView.Access;
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
 * Investigation lookups with the visibility rules of PRODUCT.md §3 in the SQL itself: the lead
 * agency and auditors see the whole investigation; a provider whose share was linked as evidence
 * sees it as feedback once an outcome is recorded (before that there is nothing for it to see);
 * nobody else sees that it exists.
 */
@Component
public class InvestigationQueries {

    /** One page of a list, and the cursor of the next one (null on the last page). */
    public record Page(List<InvestigationView> items, PageCursor next) {}

    /** An outcome recorded, with the aggregate sequence number of its event. */
    public record Outcome(long sequenceNumber, String outcome, String details, String recordedBy, Instant recordedAt) {}

    /** Over {@code investigation_view v}, for a reader given as (kind, id): lead agency or auditor. */
    static final String FULL_ACCESS = "(? = 'AUDITOR' or v.lead_agency = ?)";

    /** Over {@code investigation_view v}, for a reader given as (id): feedback to a linked share's provider. */
    static final String FEEDBACK_ACCESS = "(v.outcome is not null and exists (select 1 from investigation_evidence e"
            + " join share_view s on s.share_id = e.share_id"
            + " where e.investigation_id = v.investigation_id and s.provider = ?))";

    private static final String SELECT = "select v.investigation_id, v.status, v.lead_agency, v.title, v.subjects,"
            + " v.opened_at, v.closed_at, v.outcome, v.outcome_details, v.outcome_recorded_at, " + FULL_ACCESS
            + " as full_access from investigation_view v where (" + FULL_ACCESS + " or " + FEEDBACK_ACCESS + ")";

    private final JdbcTemplate jdbc;

    InvestigationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<InvestigationView> findVisible(String investigationId, String reader, PartnerKind readerKind) {
        return jdbc
                .query(
                        SELECT + " and v.investigation_id = ?",
                        InvestigationQueries::view,
                        readerKind.name(),
                        reader,
                        readerKind.name(),
                        reader,
                        reader,
                        investigationId)
                .stream()
                .findFirst();
    }

    /** The investigations {@code reader} may see, newest first, optionally of one status (OPEN, CLOSED). */
    public Page list(String reader, PartnerKind readerKind, String status, PageCursor after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> arguments = new ArrayList<>(List.of(readerKind.name(), reader, readerKind.name(), reader, reader));
        if (status != null) {
            sql.append(" and v.status = ?");
            arguments.add(status);
        }
        if (after != null) {
            sql.append(" and (v.opened_at, v.investigation_id) < (?, ?)");
            arguments.add(Timestamp.from(after.at()));
            arguments.add(after.id());
        }
        sql.append(" order by v.opened_at desc, v.investigation_id desc limit ?");
        arguments.add(limit + 1);
        List<InvestigationView> rows = jdbc.query(sql.toString(), InvestigationQueries::view, arguments.toArray());
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<InvestigationView> page = rows.subList(0, limit);
        InvestigationView last = page.get(limit - 1);
        return new Page(List.copyOf(page), new PageCursor(last.openedAt(), last.investigationId()));
    }

    /** Every share linked as evidence, in the order linked. Call only for a reader with full access. */
    public List<String> linkedShares(String investigationId) {
        return jdbc.queryForList(
                "select share_id from investigation_evidence where investigation_id = ?"
                        + " order by sequence_number, share_id",
                String.class,
                investigationId);
    }

    /** The shares linked as evidence whose provider is {@code provider}: what feedback may name. */
    public List<String> linkedSharesOf(String investigationId, String provider) {
        return jdbc.queryForList(
                "select e.share_id from investigation_evidence e join share_view s on s.share_id = e.share_id"
                        + " where e.investigation_id = ? and s.provider = ? order by e.sequence_number, e.share_id",
                String.class,
                investigationId,
                provider);
    }

    /** Every inspection linked as evidence, in the order linked. Call only for a reader with full access. */
    public List<String> linkedInspections(String investigationId) {
        return jdbc.queryForList(
                "select inspection_id from investigation_inspection where investigation_id = ?"
                        + " order by sequence_number, inspection_id",
                String.class,
                investigationId);
    }

    /** Every outcome recorded, oldest first. */
    public List<Outcome> outcomes(String investigationId) {
        return jdbc.query(
                "select sequence_number, outcome, details, recorded_by, recorded_at from investigation_outcome"
                        + " where investigation_id = ? order by sequence_number",
                (row, n) -> new Outcome(
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getTimestamp(5).toInstant()),
                investigationId);
    }

    private static InvestigationView view(ResultSet row, int rowNumber) throws SQLException {
        boolean full = row.getBoolean("full_access");
        return new InvestigationView(
                row.getString("investigation_id"),
                row.getString("status"),
                row.getString("lead_agency"),
                full ? row.getString("title") : null,
                full ? List.of((String[]) row.getArray("subjects").getArray()) : null,
                instant(row.getTimestamp("opened_at")),
                instant(row.getTimestamp("closed_at")),
                row.getString("outcome"),
                row.getString("outcome_details"),
                instant(row.getTimestamp("outcome_recorded_at")),
                full ? Access.FULL : Access.FEEDBACK);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
