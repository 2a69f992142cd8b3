package io.interdict.gateway.log;

import io.interdict.audit.merkle.MerkleHashes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * What a tree head signature covers (PRODUCT.md §5): the RFC 8785 form of {@code {"rootHash",
 * "timestamp", "treeSize"}}. With two strings that never need escaping (base64, ISO-8601) and one
 * non-negative integer, JCS is exactly: these members in this (sorted) order, no whitespace, the
 * integer in plain decimal. The same {@link #timestamp} string is served by the API, so a verifier
 * rebuilds the payload from the response byte for byte.
 */
public final class TreeHeadPayload {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TreeHeadPayload() {}

    /** ISO-8601 in UTC with exactly three fraction digits, e.g. {@code 2026-11-30T09:12:44.120Z}. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
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
        StringBuilder json = new StringBuilder(128);
        json.append("{\"rootHash\":");
        CanonicalJson.appendString(json, base64(rootHash));
        json.append(",\"timestamp\":");
        CanonicalJson.appendString(json, timestamp(timestamp));
        json.append(",\"treeSize\":").append(treeSize).append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
