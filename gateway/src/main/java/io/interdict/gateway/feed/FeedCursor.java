package io.interdict.gateway.feed;

import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The feed's opaque cursor: the Merkle leaf index of the last record handed out. Leaf indexes are
 * gap-free and assigned by one writer in commit order, so a record appended while someone pages
 * always lands after every cursor already issued: never skipped, never repeated — which a cursor
 * on the event store's global index (with its gaps that fill late) could not promise.
 */
public final class FeedCursor {

    private static final String PREFIX = "leaf:";

    private FeedCursor() {}

    public static String encode(long leafIndex) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + leafIndex).getBytes(StandardCharsets.US_ASCII));
    }

    /** -1 (before the first record) when absent. */
    static long decode(String cursor) {
        return decode(cursor, "a feed page");
    }

    /**
     * -1 (before the first record) when absent; {@code issuedBy} names the page whose {@code next}
     * the caller should pass (the audit event pages use the same cursor).
     */
    public static long decode(String cursor, String issuedBy) {
        if (cursor == null || cursor.isEmpty()) {
            return -1;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long leaf = Long.parseLong(text.substring(PREFIX.length()));
                if (leaf >= 0) {
                    return leaf;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw new ApiProblemException(
                ApiProblem.MALFORMED_REQUEST, "after: not a cursor this gateway issued; use the 'next' of " + issuedBy);
    }
}
