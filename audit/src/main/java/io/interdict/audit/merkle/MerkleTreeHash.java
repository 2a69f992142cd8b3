package io.interdict.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * MTH (RFC 9162 §2.1.1) of a range of the log, read from stored perfect subtrees.
 *
 * <p>Every range the RFC's recursion visits (in MTH itself, PATH of §2.1.3.1 and SUBPROOF of
 * §2.1.4.1) starts at a multiple of the smallest power of two not below its length: the root range
 * starts at 0, and splitting at k keeps the property for both halves. Such a range decomposes into
 * at most 63 aligned perfect subtrees (one per set bit of its length), so its MTH costs that many
 * reads. Other ranges are refused: the RFC never asks for them, and answering them would take many
 * more reads.
 */
public final class MerkleTreeHash {

    private MerkleTreeHash() {}

    /** MTH(D[0:treeSize]): the root hash of the tree of that size. */
    public static byte[] root(long treeSize, SubtreeHashes storage) {
        return of(0, treeSize, storage);
    }

    /**
     * MTH(D[start:end]). The empty range gives the empty-tree hash.
     *
     * @throws IllegalArgumentException if the range is reversed, negative or not aligned as
     *     described in the class comment
     */
    public static byte[] of(long start, long end, SubtreeHashes storage) {
        return TreeMath.foldRightToLeft(perfectSubtrees(start, end, storage));
    }

    /** The hashes of the aligned perfect subtrees that make up D[start:end], left to right. */
    static List<byte[]> perfectSubtrees(long start, long end, SubtreeHashes storage) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "range must satisfy 0 <= start <= end, got start=" + start + ", end=" + end);
        }
        long size = end - start;
        List<byte[]> hashes = new ArrayList<>(Long.bitCount(size));
        if (size == 0) {
            return hashes;
        }
        int ceilLog2 = 64 - Long.numberOfLeadingZeros(size - 1);
        long alignmentMask = ceilLog2 == 0 ? 0 : (1L << ceilLog2) - 1;
        if ((start & alignmentMask) != 0) {
            throw new IllegalArgumentException("range start must be a multiple of 2^" + ceilLog2
                    + " (the smallest power of two >= its length " + size
                    + "), as in every range RFC 9162 §2.1 recurses into; got start=" + start + ", end=" + end);
        }
        long position = start;
        for (int level = 63 - Long.numberOfLeadingZeros(size); level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                hashes.add(requireHash(storage.hash(level, position >>> level), level, position >>> level));
                position += 1L << level;
            }
        }
        return hashes;
    }

    static byte[] requireHash(byte[] stored, int level, long index) {
        if (!MerkleHashes.isHash(stored)) {
            throw new IllegalStateException("storage returned "
                    + (stored == null ? "nothing" : stored.length + " bytes")
                    + " for complete subtree (level=" + level + ", index=" + index + "), expected "
                    + MerkleHashes.HASH_LENGTH + " bytes");
        }
        return stored;
    }
}
