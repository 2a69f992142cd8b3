package io.interdict.gateway.log;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.canonical.Timestamps;
import io.interdict.audit.merkle.MerkleHashes;
import java.time.Instant;
import java.util.Base64;

/**
 * What a tree head signature covers (PRODUCT.md §5): the RFC 8785 form of {@code {"rootHash",
 * "timestamp", "treeSize"}}. With two strings that never need escaping (base64, ISO-8601) and one
 * non-negative integer, JCS is exactly: these members in this (sorted) order, no whitespace, the
 * integer in plain decimal. The same {@link #timestamp} string is served by the API, so a verifier
 * rebuilds the payload from the response byte for byte.
 */
public final class TreeHeadPayload {

    private TreeHeadPayload() {}

    /** ISO-8601 in UTC with exactly three fraction digits, e.g. {@code 2026-11-30T09:12:44.120Z}. */
    public static String timestamp(Instant instant) {
        return Timestamps.format(instant);
    }

    /** Standard base64 with padding (RFC 4648 §4), as hashes travel in the API. */
    public static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    /** The UTF-8 bytes of the canonical JSON the tree head signature covers. */
    public static byte[] canonicalBytes(long treeSize, byte[] rootHash, Instant timestamp) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must be >= 0, got " + treeSize);
        }
        if (rootHash == null || rootHash.length != MerkleHashes.HASH_LENGTH) {
            throw new IllegalArgumentException("rootHash must be " + MerkleHashes.HASH_LENGTH + " bytes, got "
                    + (rootHash == null ? "null" : rootHash.length + " bytes"));
        }
        ObjectNode head = JsonNodeFactory.instance.objectNode();
        head.put("treeSize", treeSize);
        head.put("rootHash", base64(rootHash));
        head.put("timestamp", timestamp(timestamp));
        return Jcs.canonicalize(head);
    }
}
