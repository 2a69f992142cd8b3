package io.interdict.gateway.log;

import io.interdict.audit.merkle.SubtreeHashes;
import io.interdict.audit.merkle.SubtreeNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** SQL over the three log tables of V20__merkle_log.sql; the tables only ever receive inserts. */
@Component
class MerkleLogStore {

    private static final String HEAD_COLUMNS = "select tree_size, root_hash, head_timestamp, signature from tree_head";

    private final JdbcTemplate jdbc;
    private final SubtreeHashes subtreeHashes;

    MerkleLogStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.subtreeHashes = new JdbcSubtreeHashes(jdbc);
    }

    SubtreeHashes subtreeHashes() {
        return subtreeHashes;
    }

    /** Leaves in the log; leaf indexes are gap-free, so this is the highest one plus one. */
    long treeSize() {
        Long size = jdbc.queryForObject("select coalesce(max(leaf_index) + 1, 0) from merkle_leaf", Long.class);
        return size == null ? 0 : size;
    }

    Optional<LogLeaf> leaf(long leafIndex) {
        return jdbc
                .query(
                        "select leaf_index, global_index, event_identifier, leaf_hash from merkle_leaf"
                                + " where leaf_index = ?",
                        (rs, row) -> new LogLeaf(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4)),
                        leafIndex)
                .stream()
                .findFirst();
    }

    Optional<TreeHead> latestHead() {
        return jdbc.query(HEAD_COLUMNS + " order by tree_size desc limit 1", MerkleLogStore::head).stream()
                .findFirst();
    }

    Optional<TreeHead> head(long treeSize) {
        return jdbc.query(HEAD_COLUMNS + " where tree_size = ?", MerkleLogStore::head, treeSize).stream()
                .findFirst();
    }

    void insertLeaves(List<LogLeaf> leaves) {
        jdbc.batchUpdate(
                "insert into merkle_leaf (leaf_index, global_index, event_identifier, leaf_hash, appended_at)"
                        + " values (?, ?, ?, ?, now())",
                leaves,
                leaves.size(),
                (PreparedStatement ps, LogLeaf leaf) -> {
                    ps.setLong(1, leaf.leafIndex());
                    ps.setLong(2, leaf.globalIndex());
                    ps.setString(3, leaf.eventIdentifier());
                    ps.setBytes(4, leaf.leafHash());
                });
    }

    /** Stores the completed subtrees above the leaves (level 0 lives in merkle_leaf). */
    void insertNodes(List<SubtreeNode> nodes) {
        List<SubtreeNode> inner =
                nodes.stream().filter(node -> node.level() > 0).toList();
        if (inner.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "insert into merkle_node (level, idx, hash) values (?, ?, ?)",
                inner,
                inner.size(),
                (PreparedStatement ps, SubtreeNode node) -> {
                    ps.setInt(1, node.level());
                    ps.setLong(2, node.index());
                    ps.setBytes(3, node.hash());
                });
    }

    void insertHead(TreeHead head) {
        jdbc.update(
                "insert into tree_head (tree_size, root_hash, head_timestamp, signature) values (?, ?, ?, ?)",
                head.treeSize(),
                head.rootHash(),
                OffsetDateTime.ofInstant(head.timestamp(), ZoneOffset.UTC),
                head.signature());
    }

    private static TreeHead head(ResultSet rs, int row) throws SQLException {
        Instant timestamp = rs.getObject(3, OffsetDateTime.class).toInstant();
        return new TreeHead(rs.getLong(1), rs.getBytes(2), timestamp, rs.getString(4));
    }
}
