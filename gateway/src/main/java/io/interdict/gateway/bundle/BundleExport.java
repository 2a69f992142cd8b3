package io.interdict.gateway.bundle;

import io.interdict.audit.bundle.BundleWriter;
import io.interdict.audit.bundle.SignedTreeHead;
import io.interdict.audit.jose.JwkSet;
import io.interdict.audit.merkle.Frontier;
import io.interdict.audit.record.SignedRecord;
import io.interdict.gateway.keys.PublishedKeys;
import io.interdict.gateway.log.SignedTreeHeads;
import io.interdict.gateway.record.SignedRecords;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds audit bundles. {@link #plan} reads everything before the records in one read-only
 * transaction (so the heads, the proof and the frontier agree); {@link #write} then streams the
 * records page by page, each page one short query by leaf index. Pages need no common transaction:
 * the log's rows below a signed head never change, and a leaf or event row missing from the store
 * is simply missing from the bundle, where the verifier reports the gap.
 */
@Component
public class BundleExport {

    /** Leaves per query: enough to keep round trips cheap, small enough to keep memory flat. */
    static final int PAGE = 1000;

    /** What {@link #write} needs besides the records. */
    public record Plan(
            JwkSet keys,
            SignedTreeHead firstTreeHead,
            SignedTreeHead treeHead,
            List<byte[]> consistencyPath,
            Frontier leftFrontier) {

        public long fromLeaf() {
            return leftFrontier.treeSize();
        }
    }

    private final SignedTreeHeads heads;
    private final PublishedKeys keys;
    private final SignedRecords records;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    BundleExport(
            SignedTreeHeads heads,
            PublishedKeys keys,
            SignedRecords records,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions) {
        this.heads = heads;
        this.keys = keys;
        this.records = records;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The header of a bundle of leaves {@code [from, latest head)}, proving consistency from the head
     * of {@code firstTreeSize} (null: the earliest non-empty head).
     *
     * @throws ApiProblemException naming the parameter when it cannot be served
     */
    public Plan plan(long from, Long firstTreeSize) {
        return readOnly.execute(status -> {
            SignedTreeHead head = heads.latest()
                    .filter(latest -> latest.treeSize() > 0)
                    .orElseThrow(() -> new ApiProblemException(
                            ApiProblem.NOT_FOUND, "the log has no signed tree head with leaves yet"));
            if (from > head.treeSize()) {
                throw badRequest(
                        "from must not exceed the latest signed tree head's size " + head.treeSize() + ", got " + from);
            }
            SignedTreeHead first;
            if (firstTreeSize == null) {
                first = heads.earliestNonEmpty().orElse(head);
            } else {
                if (firstTreeSize < 1 || firstTreeSize > head.treeSize()) {
                    throw badRequest("firstTreeSize must be between 1 and the latest signed tree head's size "
                            + head.treeSize() + ", got " + firstTreeSize);
                }
                first = heads.ofSize(firstTreeSize)
                        .orElseThrow(() -> new ApiProblemException(
                                ApiProblem.NOT_FOUND, "no tree head was signed for firstTreeSize " + firstTreeSize));
            }
            return new Plan(
                    keys.current(),
                    first,
                    head,
                    heads.consistencyProof(first.treeSize(), head.treeSize()),
                    heads.frontier(from));
        });
    }

    /**
     * Streams the bundle; the caller closes {@code out}. {@code beforePage} sees each page of
     * records before any of it is written (the access log: no record leaves unlogged).
     */
    public void write(Plan plan, OutputStream out, java.util.function.Consumer<List<SignedRecord>> beforePage)
            throws IOException {
        BundleWriter writer = new BundleWriter(out);
        writer.writeHeader(
                plan.keys(), plan.firstTreeHead(), plan.treeHead(), plan.consistencyPath(), plan.leftFrontier());
        long end = plan.treeHead().treeSize();
        for (long start = plan.fromLeaf(); start < end; start += PAGE) {
            long pageEnd = Math.min(end, start + PAGE);
            try {
                List<SignedRecord> page = jdbc.query(
                        "select l.leaf_index, " + SignedRecords.prefixedColumns("e")
                                + " from merkle_leaf l join domain_event_entry e on e.global_index = l.global_index"
                                + " where l.leaf_index >= ? and l.leaf_index < ? order by l.leaf_index",
                        (row, n) -> records.fromRow(row, n).withLeafIndex(row.getLong("leaf_index")),
                        start,
                        pageEnd);
                beforePage.accept(page);
                for (SignedRecord record : page) {
                    writer.writeRecord(record);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        writer.finish();
    }

    private static ApiProblemException badRequest(String detail) {
        return new ApiProblemException(ApiProblem.MALFORMED_REQUEST, detail);
    }
}
