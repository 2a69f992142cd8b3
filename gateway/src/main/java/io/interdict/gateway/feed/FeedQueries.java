package io.interdict.gateway.feed;

import io.interdict.domain.common.PartnerKind;
import io.interdict.gateway.axon.ProcessorPositions;
import io.interdict.gateway.record.SignedRecords;
import io.interdict.gateway.record.StoredRecord;
import io.interdict.gateway.share.query.ShareQueries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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
        // every segment: past its position, or one of the gaps it still waits for below it. That
        // leaf is looked for window by window, never beyond the leaves the page reads: searched over
        // the whole rest of the log, it made every page scan to the log's end (quadratic paging).
        ProcessorPositions.Progress handled = positions.progress(ShareQueries.PROCESSOR);
        Long[] gaps = handled.gaps().toArray(new Long[0]);
        long end = jdbc.queryForObject("select coalesce(max(leaf_index), -1) from merkle_leaf", Long.class);
        // The range is read in windows of a few pages' worth of leaves. One query over
        // (afterLeaf, end] would do the same work only when the planner walks the leaf index in
        // order and stops at the limit; with statistics that lag a growing log (no ANALYZE yet) it
        // joins and sorts the whole range instead. A window bounds every query whatever the plan.
        long window = Math.max(WINDOW_LEAVES, 2L * limit);
        List<StoredRecord> page = new ArrayList<>(limit);
        long from = afterLeaf;
        while (page.size() < limit && from < end) {
            long to = Math.min(end, from + window);
            Long unhandled = jdbc.queryForObject(
                    "select min(leaf_index) from merkle_leaf where leaf_index > ? and leaf_index <= ?"
                            + " and (global_index > ? or global_index = any(?))",
                    Long.class,
                    from,
                    to,
                    handled.index(),
                    gaps);
            long upTo = unhandled == null ? to : unhandled - 1;
            if (upTo > from) {
                page.addAll(visible(from, upTo, reader, readerKind, limit - page.size()));
            }
            if (unhandled != null) {
                break;
            }
            from = to;
        }
        return page;
    }

    /**
     * The first {@code limit} records in {@code (from, to]} the reader may see, in leaf order. Which
     * leaves, then their events: the visibility join and its ordering run over two numbers per
     * leaf, and only the chosen events' payloads are read, not those of every visible leaf of the
     * window, which a sort would otherwise carry.
     */
    private List<StoredRecord> visible(long from, long to, String reader, PartnerKind readerKind, int limit) {
        Map<Long, Long> leafOfEvent = new HashMap<>();
        jdbc.query(
                "select l.leaf_index, l.global_index from merkle_leaf l"
                        + " join domain_event_entry e on e.global_index = l.global_index"
                        + " join share_view s on s.share_id = e.aggregate_identifier"
                        + " where l.leaf_index > ? and l.leaf_index <= ? and " + ShareQueries.VISIBLE_TO_READER
                        + " order by l.leaf_index limit ?",
                (RowCallbackHandler) row -> leafOfEvent.put(row.getLong(2), row.getLong(1)),
                parameters(from, to, reader, readerKind, limit));
        if (leafOfEvent.isEmpty()) {
            return List.of();
        }
        List<StoredRecord> chosen = new ArrayList<>(jdbc.query(
                "select " + SignedRecords.storedColumns("e")
                        + " from domain_event_entry e where e.global_index = any(?)",
                (row, n) -> records.storedFromRow(row, leafOfEvent.get(row.getLong("global_index"))),
                (Object) leafOfEvent.keySet().toArray(new Long[0])));
        chosen.sort(Comparator.comparingLong(StoredRecord::leafIndex));
        return chosen;
    }
}
