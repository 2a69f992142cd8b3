package io.interdict.audit.merkle;

import java.util.List;

/** Bit arithmetic and the fold shared by the MTH, frontier and proof code. */
final class TreeMath {

    private TreeMath() {}

    /** The k of RFC 9162 §2.1.1: the largest power of two smaller than {@code n}, for n > 1. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * MTH of a range given as its perfect subtrees, left to right and strictly decreasing in size.
     * RFC 9162 §2.1.1 splits n leaves at the largest power of two k &lt; n; for such a range that
     * is exactly its first subtree, so MTH = HASH(0x01 || first || MTH(rest)), which unrolls into
     * this right-to-left fold. The {@code FrontierFoldProperties} test checks it for every size.
     */
    static byte[] foldRightToLeft(List<byte[]> perfectSubtrees) {
        if (perfectSubtrees.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        byte[] accumulator = perfectSubtrees.get(perfectSubtrees.size() - 1);
        for (int i = perfectSubtrees.size() - 2; i >= 0; i--) {
            accumulator = MerkleHashes.hashChildren(perfectSubtrees.get(i), accumulator);
        }
        return accumulator;
    }
}
