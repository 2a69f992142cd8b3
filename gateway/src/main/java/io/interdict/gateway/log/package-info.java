/**
 * The gateway side of the Merkle log (PRODUCT.md §5, §6): every event of the event store becomes
 * one leaf of one RFC 9162 §2.1 tree, appended by a single writer across all nodes, with signed tree
 * heads, inclusion and consistency proofs served under {@code /api/v1/log}. The maths lives in
 * {@code io.interdict.audit.merkle}; this package stores it in PostgreSQL (V20__merkle_log.sql).
 *
 * <p>What a leaf is ({@link io.interdict.gateway.log.LeafEncoder}: the RFC 8785 form of the signed
 * record) and who signs tree heads ({@link io.interdict.gateway.log.TreeHeadSigner}: the gateway's
 * notarisation key) are supplied by {@code io.interdict.gateway.record}.
 */
package io.interdict.gateway.log;
