package io.interdict.audit.merkle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The gateway's perfect-subtree table, in a map; reads fail loudly like a damaged store should. */
final class InMemorySubtreeHashes implements SubtreeHashes {

    private final Map<Key, byte[]> rows = new HashMap<>();
    private long treeSize;

    private record Key(int level, long index) {}

    void store(List<SubtreeNode> nodes) {
        for (SubtreeNode node : nodes) {
            byte[] previous = rows.putIfAbsent(new Key(node.level(), node.index()), node.hash());
            if (previous != null) {
                throw new AssertionError("row stored twice: " + node);
            }
            treeSize = Math.max(treeSize, (node.index() + 1) << node.level());
        }
    }

    int rowCount() {
        return rows.size();
    }

    @Override
    public byte[] hash(int level, long index) {
        byte[] hash = rows.get(new Key(level, index));
        if (hash == null) {
            throw new AssertionError("no stored row (level=" + level + ", index=" + index + ")");
        }
        return hash.clone();
    }

    /**
     * A view that refuses every node not complete in a tree of {@code size} leaves, so a proof for
     * that size that peeks at later leaves fails.
     */
    SubtreeHashes asOfTreeSize(long size) {
        if (size > treeSize) {
            throw new AssertionError("only " + treeSize + " leaves stored, asked for " + size);
        }
        return (level, index) -> {
            if ((index + 1) << level > size) {
                throw new AssertionError(
                        "node (level=" + level + ", index=" + index + ") is not complete in a tree of size " + size);
            }
            return hash(level, index);
        };
    }
}
