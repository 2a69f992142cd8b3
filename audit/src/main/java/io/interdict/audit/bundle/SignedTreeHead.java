package io.interdict.audit.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.jose.DetachedJws;
import io.interdict.audit.jose.JwkSet;
import io.interdict.audit.jose.JwsVerification;
import io.interdict.audit.jose.PublishedKey;
import io.interdict.audit.merkle.MerkleHashes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A signed tree head as {@code GET /api/v1/log/tree-head} serves it (PRODUCT.md sections 5 and 8):
 * {@code {treeSize, rootHash (base64), timestamp, signature}}, the signature a detached JWS by a
 * gateway key over the RFC 8785 form of the first three members.
 */
public record SignedTreeHead(long treeSize, byte[] rootHash, String timestamp, String signature) {

    public SignedTreeHead {
        if (treeSize < 0) {
            throw new BundleFormatException("expected treeSize >= 0, found " + treeSize);
        }
        if (rootHash == null || rootHash.length != MerkleHashes.HASH_LENGTH) {
            throw new BundleFormatException(
                    "expected a 32-byte rootHash, found " + (rootHash == null ? "none" : rootHash.length + " bytes"));
        }
        try {
            Instant.parse(timestamp);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BundleFormatException("expected timestamp as an ISO-8601 instant, found " + timestamp);
        }
        if (signature == null || signature.isEmpty()) {
            throw new BundleFormatException("expected a signature (a detached JWS), found none");
        }
        rootHash = rootHash.clone();
    }

    /** Parses the wire form; {@code where} names it in errors ("treeHead", "--trusted-tree-head"). */
    public static SignedTreeHead parse(JsonNode json, String where) {
        if (json == null || !json.isObject()) {
            throw new BundleFormatException(
                    where + ": expected a tree head object, found " + (json == null ? "nothing" : json.getNodeType()));
        }
        try {
            JsonNode size = json.get("treeSize");
            if (size == null || !size.isIntegralNumber() || !size.canConvertToLong()) {
                throw new BundleFormatException("expected treeSize as an integer, found " + size);
            }
            return new SignedTreeHead(
                    size.longValue(),
                    base64(json.get("rootHash"), "rootHash"),
                    text(json.get("timestamp"), "timestamp"),
                    text(json.get("signature"), "signature"));
        } catch (BundleFormatException e) {
            throw new BundleFormatException(where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public String rootHashBase64() {
        return Base64.getEncoder().encodeToString(rootHash);
    }

    /** The bytes the signature covers: JCS of {@code {rootHash, timestamp, treeSize}} (PRODUCT.md section 5). */
    public byte[] signedPayload() {
        ObjectNode payload = Jcs.mapper().createObjectNode();
        payload.put("rootHash", rootHashBase64());
        payload.put("timestamp", timestamp);
        payload.put("treeSize", treeSize);
        return Jcs.canonicalize(payload);
    }

    /** Checks the signature with a key owned by "gateway" that was valid at {@code timestamp}. */
    public JwsVerification verifySignature(JwkSet keys) {
        return DetachedJws.verify(
                signature, signedPayload(), keys.resolverFor(PublishedKey.GATEWAY, Instant.parse(timestamp)));
    }

    public ObjectNode toJson() {
        ObjectNode json = Jcs.mapper().createObjectNode();
        json.put("treeSize", treeSize);
        json.put("rootHash", rootHashBase64());
        json.put("timestamp", timestamp);
        json.put("signature", signature);
        return json;
    }

    static byte[] base64(JsonNode value, String member) {
        String text = text(value, member);
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException("expected " + member + " in standard base64, found \"" + text + "\"");
        }
    }

    private static String text(JsonNode value, String member) {
        if (value == null || !value.isTextual()) {
            throw new BundleFormatException(
                    "expected " + member + " as a string, found " + (value == null ? "none" : value.getNodeType()));
        }
        return value.textValue();
    }
}
