package io.interdict.audit.merkle;

/**
 * Read access to the stored hashes of complete perfect aligned subtrees. Node {@code (level,
 * index)} is the MTH (RFC 9162 §2.1.1) of the {@code 2^level} leaves {@code [index * 2^level,
 * (index + 1) * 2^level)}; level 0 holds the leaf hashes. These are exactly the rows {@link
 * MerkleAppender} reports as completed.
 *
 * <p>Proof generation only asks for nodes that are complete in the tree size it was given, so an
 * implementation that cannot find one is looking at a damaged store and should throw rather than
 * invent a value.
 */
@FunctionalInterface
public interface SubtreeHashes {

    /**
     * The hash of the perfect subtree at {@code level} and {@code index}.
     *
     * @return a {@value MerkleHashes#HASH_LENGTH}-byte hash; callers do not modify it
     */
    byte[] hash(int level, long index);
}
