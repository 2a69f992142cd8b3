/**
 * The gateway side of the Merkle log (PRODUCT.md §5, §6): every event of the event store becomes
 * one leaf of one RFC 9162 §2.1 tree, appended by a single writer across all nodes, with signed tree
 * heads, inclusion and consistency proofs served under {@code /api/v1/log}. The maths lives in
 * {@code io.interdict.audit.merkle}; this package stores it in PostgreSQL (V20__merkle_log.sql).
 *
 * <p>Others plug in through {@link io.interdict.gateway.log.LeafEncoder} (the bytes of a leaf) and
 * {@link io.interdict.gateway.log.TreeHeadSigner} (the tree head's detached JWS); until they do,
 * {@link io.interdict.gateway.log.MerkleLogDefaults} supplies stand-ins named for what they are.
 */
package io.interdict.gateway.log;
