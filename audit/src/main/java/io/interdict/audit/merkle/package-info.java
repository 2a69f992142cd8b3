/**
 * The Merkle maths of the Interdict log, exactly as RFC 9162 (Certificate Transparency 2.0) section
 * 2.1 defines it: leaf and node hashing (§2.1.1), the Merkle Tree Hash MTH, inclusion proofs
 * (§2.1.3) and consistency proofs (§2.1.4).
 *
 * <p>The tree is stored as its complete perfect aligned subtrees, one row per {@code (level,
 * index)}; {@link io.interdict.audit.merkle.SubtreeHashes} reads them and {@link
 * io.interdict.audit.merkle.MerkleAppender} says which rows a batch of new leaves completes. Every
 * proof costs O(log treeSize) row reads. See {@code audit/MERKLE.md} for the layout and why.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1">RFC 9162 §2.1</a>
 */
package io.interdict.audit.merkle;
