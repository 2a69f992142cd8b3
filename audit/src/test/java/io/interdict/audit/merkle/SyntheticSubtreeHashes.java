package io.interdict.audit.merkle;

import java.nio.ByteBuffer;

/**
 * Stands in for a tree too big to build (2^40 leaves and more): each node's "hash" is derived from
 * its coordinates alone. Good for counting reads and checking shapes, not for verifying proofs.
 */
final class SyntheticSubtreeHashes implements SubtreeHashes {

    private final long treeSize;

    SyntheticSubtreeHashes(long treeSize) {
        this.treeSize = treeSize;
    }

    @Override
    public byte[] hash(int level, long index) {
        if (level < 0 || index < 0 || (index + 1) << level > treeSize || (index + 1) << level <= 0) {
            throw new AssertionError(
                    "node (level=" + level + ", index=" + index + ") is not complete in a tree of size " + treeSize);
        }
        ByteBuffer buffer = ByteBuffer.allocate(MerkleHashes.HASH_LENGTH);
        long state = index * 0x9E3779B97F4A7C15L + level;
        for (int i = 0; i < 4; i++) {
            state = mix(state + i);
            buffer.putLong(state);
        }
        return buffer.array();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
