package io.interdict.audit.merkle;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One complete perfect aligned subtree: the row the gateway stores. It covers the leaves {@code
 * [index * 2^level, (index + 1) * 2^level)}; level 0 is a leaf hash.
 */
public record SubtreeNode(int level, long index, byte[] hash) {

    public SubtreeNode {
        if (level < 0 || level > 62) {
            throw new IllegalArgumentException("level must be within 0..62, got " + level);
        }
        if (index < 0 || index > (Long.MAX_VALUE >>> level)) {
            throw new IllegalArgumentException(
                    "index must be within 0.." + (Long.MAX_VALUE >>> level) + " at level " + level + ", got " + index);
        }
        if (!MerkleHashes.isHash(hash)) {
            throw new IllegalArgumentException("hash must be " + MerkleHashes.HASH_LENGTH + " bytes, got "
                    + (hash == null ? "null" : hash.length + " bytes"));
        }
        hash = hash.clone();
    }

    /** A copy: the stored value cannot be changed through it. */
    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** Index of the first leaf this subtree covers. */
    public long firstLeafIndex() {
        return index << level;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubtreeNode that
                && level == that.level
                && index == that.index
                && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * level + Long.hashCode(index)) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "SubtreeNode[level=" + level + ", index=" + index + ", hash="
                + HexFormat.of().formatHex(hash) + "]";
    }
}
