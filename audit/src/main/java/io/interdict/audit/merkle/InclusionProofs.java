package io.interdict.audit.merkle;

import static io.interdict.audit.merkle.VerificationResult.refused;

import io.interdict.audit.merkle.VerificationResult.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Merkle inclusion proofs (audit paths), RFC 9162 §2.1.3. */
public final class InclusionProofs {

    private InclusionProofs() {}

    /**
     * PATH(leafIndex, D[treeSize]) of RFC 9162 §2.1.3.1, in the RFC's order: the sibling nearest
     * the leaf first, the sibling just below the root last.
     *
     * <p>Costs at most 2 * 63 {@link SubtreeHashes#hash} calls, and in practice about 2 log2
     * treeSize: while the range is not a perfect subtree the walk always goes right, and only the
     * one right sibling taken when it first goes left can be imperfect (up to log2 treeSize reads);
     * every other sibling is one perfect subtree (one read).
     *
     * @throws IllegalArgumentException unless 0 &lt;= leafIndex &lt; treeSize
     */
    public static List<byte[]> generate(long leafIndex, long treeSize, SubtreeHashes storage) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leafIndex must satisfy 0 <= leafIndex < treeSize, got leafIndex="
                    + leafIndex + ", treeSize=" + treeSize);
        }
        List<byte[]> rootFirst = new ArrayList<>(64);
        long start = 0;
        long end = treeSize;
        while (end - start > 1) {
            long k = TreeMath.largestPowerOfTwoBelow(end - start);
            if (leafIndex < start + k) {
                // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])
                rootFirst.add(MerkleTreeHash.of(start + k, end, storage));
                end = start + k;
            } else {
                // PATH(m, D[n]) = PATH(m - k, D[k:n]) : MTH(D[0:k])
                rootFirst.add(MerkleTreeHash.of(start, start + k, storage));
                start += k;
            }
        }
        // The recursion appends each level's sibling after the deeper path, so the walk from the
        // root collected them in reverse.
        Collections.reverse(rootFirst);
        return rootFirst;
    }

    /**
     * Verifies an inclusion proof exactly as RFC 9162 §2.1.3.2, after checking that every hash is
     * 32 bytes long. Hashes are compared in constant time.
     */
    public static VerificationResult verify(
            long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] rootHash) {
        if (!MerkleHashes.isHash(leafHash) || !MerkleHashes.isHash(rootHash)) {
            return refused(Outcome.MALFORMED_HASH, "leaf hash and root hash must be 32 bytes");
        }
        if (path == null) {
            return refused(Outcome.MALFORMED_HASH, "inclusion path is missing");
        }
        for (int i = 0; i < path.size(); i++) {
            if (!MerkleHashes.isHash(path.get(i))) {
                return refused(Outcome.MALFORMED_HASH, "inclusion path element " + i + " is not 32 bytes");
            }
        }
        if (treeSize < 0) {
            return refused(Outcome.NEGATIVE_TREE_SIZE, "treeSize must be >= 0, got " + treeSize);
        }
        // Step 1.
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return refused(
                    Outcome.LEAF_INDEX_OUT_OF_RANGE,
                    "expected 0 <= leafIndex < treeSize, got leafIndex=" + leafIndex + ", treeSize=" + treeSize);
        }
        // Step 2.
        long fn = leafIndex;
        long sn = treeSize - 1;
        // Step 3.
        byte[] r = leafHash;
        // Step 4.
        for (int i = 0; i < path.size(); i++) {
            byte[] p = path.get(i);
            // 4a.
            if (sn == 0) {
                return refused(
                        Outcome.PATH_TOO_LONG,
                        "path has " + path.size() + " elements, the tree has reached its root after " + i);
            }
            // 4b.
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.hashChildren(p, r);
                if ((fn & 1) == 0) {
                    // A right-edge node with no right sibling: climb to where it is a right child.
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = MerkleHashes.hashChildren(r, p);
            }
            // 4c.
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 5.
        if (sn != 0) {
            return refused(
                    Outcome.PATH_TOO_SHORT,
                    "path has " + path.size() + " elements, too few for leafIndex=" + leafIndex + ", treeSize="
                            + treeSize);
        }
        if (!MerkleHashes.equal(r, rootHash)) {
            return refused(Outcome.ROOT_MISMATCH, "the path leads to a different root");
        }
        return VerificationResult.VERIFIED;
    }
}
