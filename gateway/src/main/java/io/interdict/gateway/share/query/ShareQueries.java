package io.interdict.gateway.share.query;

import io.interdict.domain.common.PartnerKind;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Share lookups with the visibility rules of PRODUCT.md §3 in the SQL itself: the database returns
 * only what the reader may see, so an invisible share and an unknown one are the same "nothing".
 */
@Component
public class ShareQueries {

    /** The processor that writes share_view: readers check its position before trusting absence. */
    public static final String PROCESSOR = ShareViewProjection.PROCESSOR;

    /** A share's provider, status and the event sequence of the requested version. */
    public record VisibleShare(String shareId, String provider, boolean withdrawn, int version, long sequenceNumber) {}

    /**
     * The visibility predicate over {@code share_view s} (PRODUCT.md §3), the same rules as the
     * domain's {@code ShareVisibilityPolicy}: auditors see all; TLP:CLEAR and TLP:GREEN every
     * enrolled, unsuspended partner (the security layer admits only those); otherwise the provider
     * and the audience; and TLP:AMBER (not +STRICT) also the lead of an investigation that linked
     * it. Parameters, in order: {@link #readerParameters}.
     */
    public static final String VISIBLE_TO_READER =
            "(? = 'AUDITOR' or s.marking in ('CLEAR', 'GREEN') or s.provider = ? or ? = any (s.audience)"
                    + " or (s.marking = 'AMBER' and exists (select 1 from investigation_evidence ie"
                    + " join investigation_view iv on iv.investigation_id = ie.investigation_id"
                    + " where ie.share_id = s.share_id and iv.lead_agency = ?)))";

    /** The values for the placeholders of {@link #VISIBLE_TO_READER}. */
    public static Object[] readerParameters(String reader, PartnerKind readerKind) {
        return new Object[] {readerKind.name(), reader, reader, reader};
    }

    private final JdbcTemplate jdbc;

    static Object[] concat(Object[] first, Object[] second) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    ShareQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The share as {@code reader} may see it; the latest version unless {@code version} is given. */
    public Optional<VisibleShare> findVisible(String shareId, String reader, PartnerKind readerKind, Integer version) {
        return jdbc
                .query(
                        "select s.share_id, s.provider, s.withdrawn, v.version, v.sequence_number"
                                + " from share_view s join share_version v on v.share_id = s.share_id"
                                + " where s.share_id = ? and v.version = coalesce(?::integer, s.latest_version) and "
                                + VISIBLE_TO_READER,
                        (row, n) -> new VisibleShare(
                                row.getString(1), row.getString(2), row.getBoolean(3), row.getInt(4), row.getLong(5)),
                        concat(new Object[] {shareId, version}, readerParameters(reader, readerKind)))
                .stream()
                .findFirst();
    }
}
