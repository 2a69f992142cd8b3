package io.interdict.gateway.log;

import java.time.Instant;

/** A stored signed tree head: one row of {@code tree_head}. */
record TreeHead(long treeSize, byte[] rootHash, Instant timestamp, String signature) {

    /** The exact bytes {@link #signature} signs. */
    byte[] signedPayload() {
        return TreeHeadPayload.canonicalBytes(treeSize, rootHash, timestamp);
    }
}
