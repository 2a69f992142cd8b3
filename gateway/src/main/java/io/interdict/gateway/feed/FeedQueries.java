package io.interdict.gateway.feed;

import io.interdict.domain.common.PartnerKind;
import io.interdict.gateway.axon.ProcessorPositions;
import io.interdict.gateway.record.SignedRecords;
import io.interdict.gateway.record.StoredRecord;
import io.interdict.gateway.share.query.ShareQueries;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Feed pages in log order, visibility decided in SQL. A page never reaches past the first leaf
 * whose share read-model row may not be written yet (the "shares" processor's position): such a
 * record would otherwise be judged invisible and skipped for good.
 */
@Component
class FeedQueries {

    /** Leaves read per query at least (see {@link #page}). */
    static final long WINDOW_LEAVES = 2000;

    private final JdbcTemplate jdbc;
    private final SignedRecords records;
    private final ProcessorPositions positions;

    FeedQueries(JdbcTemplate jdbc, SignedRecords records, ProcessorPositions positions) {
        this.jdbc = jdbc;
        this.records = records;
        this.positions = positions;
    }

    private static Object[] parameters(long afterLeaf, long bound, String reader, PartnerKind kind, int limit) {
        List<Object> values = new java.util.ArrayList<>(List.of(afterLeaf, bound));
        values.addAll(java.util.Arrays.asList(ShareQueries.readerParameters(reader, kind)));
        values.add(limit);
        return values.toArray();
    }

    List<StoredRecord> page(String reader, PartnerKind readerKind, long afterLeaf, int limit) {
        // The page ends before the first leaf whose event the shares processor has not handled in
        // every segment: past its position, or one of the gaps it still waits for below it.
        ProcessorPositions.Progress handled = positions.progress(ShareQueries.PROCESSOR);
        Long bound = jdbc.queryForObject(
                "select coalesce(min(leaf_index) - 1, (select coalesce(max(leaf_index), -1) from merkle_leaf))"
                        + " from merkle_leaf where leaf_index > ? and (global_index > ? or global_index = any(?))",
                Long.class,
                afterLeaf,
                handled.index(),
                handled.gaps().toArray(new Long[0]));
        if (bound == null || bound <= afterLeaf) {
            return List.of();
        }
        // The range is read in windows of a few pages' worth of leaves. One query over
        // (afterLeaf, bound] would do the same work only when the planner walks the leaf index in
        // order and stops at the limit; with statistics that lag a growing log (no ANALYZE yet) it
        // joins and sorts the whole range instead, which makes paging a long feed from its start
        // quadratic. A window bounds every query whatever the plan, and the page is the same rows.
        long window = Math.max(WINDOW_LEAVES, 2L * limit);
        List<StoredRecord> page = new ArrayList<>(limit);
        long from = afterLeaf;
        while (page.size() < limit && from < bound) {
            long to = Math.min(bound, from + window);
            page.addAll(jdbc.query(
                    "select l.leaf_index, " + SignedRecords.storedColumns("e")
                            + " from merkle_leaf l"
                            + " join domain_event_entry e on e.global_index = l.global_index"
                            + " join share_view s on s.share_id = e.aggregate_identifier"
                            + " where l.leaf_index > ? and l.leaf_index <= ? and " + ShareQueries.VISIBLE_TO_READER
                            + " order by l.leaf_index limit ?",
                    (row, n) -> records.storedFromRow(row, row.getLong("leaf_index")),
                    parameters(from, to, reader, readerKind, limit - page.size())));
            from = to;
        }
        return page;
    }
}
