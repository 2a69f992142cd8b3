package io.interdict.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends leaf hashes to a tree known only by its {@link Frontier}, and says which perfect subtrees
 * became complete so the gateway can store them as rows.
 *
 * <p>Appending leaf number n completes one node per trailing 1-bit of n (each is a waiting left
 * sibling on the frontier), so a batch of b leaves costs fewer than 2b + log2(n + b) hashes and
 * never reads storage.
 */
public final class MerkleAppender {

    /**
     * The outcome of an append.
     *
     * @param frontier the right edge of the grown tree
     * @param completedNodes every perfect subtree completed by the batch, leaves included, in the
     *     order they were completed (a node always after both of its children)
     */
    public record AppendResult(Frontier frontier, List<SubtreeNode> completedNodes) {

        public AppendResult {
            completedNodes = List.copyOf(completedNodes);
        }

        /** MTH of the grown tree. */
        public byte[] rootHash() {
            return frontier.rootHash();
        }
    }

    private MerkleAppender() {}

    /**
     * Appends {@code leafHashes} (each already {@link MerkleHashes#hashLeaf}ed) after the last leaf
     * of {@code frontier}.
     */
    public static AppendResult append(Frontier frontier, List<byte[]> leafHashes) {
        List<byte[]> stack = new ArrayList<>(frontier.rootsView());
        long treeSize = frontier.treeSize();
        List<SubtreeNode> completed = new ArrayList<>(2 * leafHashes.size() + 64);
        for (byte[] leafHash : leafHashes) {
            if (!MerkleHashes.isHash(leafHash)) {
                throw new IllegalArgumentException("leaf hash for leafIndex " + treeSize + " must be "
                        + MerkleHashes.HASH_LENGTH + " bytes, got "
                        + (leafHash == null ? "null" : leafHash.length + " bytes"));
            }
            if (treeSize == Long.MAX_VALUE) {
                throw new IllegalStateException("the tree is full at treeSize " + treeSize);
            }
            byte[] node = leafHash.clone();
            int level = 0;
            long index = treeSize;
            completed.add(new SubtreeNode(level, index, node));
            // A set bit at `level` means a complete subtree of that size waits on the frontier as
            // the left sibling of the node just built: merge and carry, like binary addition.
            while ((treeSize & (1L << level)) != 0) {
                node = MerkleHashes.hashChildren(stack.remove(stack.size() - 1), node);
                level++;
                index >>>= 1;
                completed.add(new SubtreeNode(level, index, node));
            }
            stack.add(node);
            treeSize++;
        }
        return new AppendResult(new Frontier(treeSize, stack), completed);
    }

    /** MTH of the tree a frontier describes; see {@link Frontier#rootHash()}. */
    public static byte[] rootHash(Frontier frontier) {
        return frontier.rootHash();
    }
}
