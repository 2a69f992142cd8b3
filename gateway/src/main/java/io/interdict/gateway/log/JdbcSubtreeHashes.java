package io.interdict.gateway.log;

import io.interdict.audit.merkle.SubtreeHashes;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stored perfect subtrees (audit/MERKLE.md): level 0 is {@code merkle_leaf.leaf_hash} (kept
 * once, with the leaf), every higher level a row of {@code merkle_node}. One primary-key read per
 * call, so a proof costs about 2·log2(n) reads.
 */
final class JdbcSubtreeHashes implements SubtreeHashes {

    private final JdbcTemplate jdbc;

    JdbcSubtreeHashes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] hash(int level, long index) {
        List<byte[]> found = level == 0
                ? jdbc.query(
                        "select leaf_hash from merkle_leaf where leaf_index = ?", (rs, row) -> rs.getBytes(1), index)
                : jdbc.query(
                        "select hash from merkle_node where level = ? and idx = ?",
                        (rs, row) -> rs.getBytes(1),
                        level,
                        index);
        if (found.isEmpty()) {
            // The maths only asks for subtrees complete in a size the log has reached.
            throw new IllegalStateException("the Merkle log has no stored subtree at level " + level + ", index "
                    + index + ": the store is damaged or incomplete");
        }
        return found.get(0);
    }
}
