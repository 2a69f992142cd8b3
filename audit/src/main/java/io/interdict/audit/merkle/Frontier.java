package io.interdict.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a tree of {@code treeSize} leaves: the hashes of its maximal perfect subtrees,
 * left to right, one per set bit of {@code treeSize} from the highest down (so at most 63). This is
 * all {@link MerkleAppender} needs to extend the tree and compute its root.
 */
public record Frontier(long treeSize, List<byte[]> roots) {

    public Frontier {
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must be >= 0, got " + treeSize);
        }
        if (roots == null || roots.size() != Long.bitCount(treeSize)) {
            throw new IllegalArgumentException("a tree of size " + treeSize + " has " + Long.bitCount(treeSize)
                    + " frontier roots (one per set bit), got " + (roots == null ? "null" : roots.size()));
        }
        List<byte[]> copies = new ArrayList<>(roots.size());
        for (int i = 0; i < roots.size(); i++) {
            byte[] root = roots.get(i);
            if (!MerkleHashes.isHash(root)) {
                throw new IllegalArgumentException("frontier root " + i + " must be " + MerkleHashes.HASH_LENGTH
                        + " bytes, got " + (root == null ? "null" : root.length + " bytes"));
            }
            copies.add(root.clone());
        }
        roots = List.copyOf(copies);
    }

    /** The frontier of the empty tree. */
    public static Frontier empty() {
        return new Frontier(0, List.of());
    }

    /** Reads the frontier of a stored tree: one {@link SubtreeHashes#hash} call per root. */
    public static Frontier load(long treeSize, SubtreeHashes storage) {
        return new Frontier(treeSize, MerkleTreeHash.perfectSubtrees(0, treeSize, storage));
    }

    /** Copies of the roots, left to right (largest subtree first). */
    @Override
    public List<byte[]> roots() {
        return roots.stream().map(byte[]::clone).toList();
    }

    /** The roots as {@link SubtreeNode}s, with the level and index each is stored under. */
    public List<SubtreeNode> nodes() {
        List<SubtreeNode> nodes = new ArrayList<>(roots.size());
        long position = 0;
        int next = 0;
        for (int level = 62; level >= 0; level--) {
            if ((treeSize & (1L << level)) != 0) {
                nodes.add(new SubtreeNode(level, position >>> level, roots.get(next++)));
                position += 1L << level;
            }
        }
        return nodes;
    }

    /** MTH of the whole tree, RFC 9162 §2.1.1; the empty tree gives {@code SHA-256()}. */
    public byte[] rootHash() {
        return TreeMath.foldRightToLeft(roots);
    }

    /** Without copying, for the appender in this package. */
    List<byte[]> rootsView() {
        return roots;
    }
}
