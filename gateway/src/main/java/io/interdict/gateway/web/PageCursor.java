package io.interdict.gateway.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A keyset position in a list ordered by (instant, id), handed to clients as an opaque cursor. A
 * cursor only says where to continue: the visibility filter is applied again on every page, so a
 * forged cursor shows nothing the caller could not list anyway.
 */
public record PageCursor(Instant at, String id) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or null for the first page; anything else is refused (400). */
    public static PageCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            if (cursor.length() > 200) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 0 || bar == text.length() - 1) {
                throw new IllegalArgumentException("no position");
            }
            return new PageCursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ApiProblemException(
                    ApiProblem.MALFORMED_REQUEST, "cursor: expected a cursor from the 'next' of an earlier page");
        }
    }

    /** The page size asked for: {@value #DEFAULT_LIMIT} by default, 1 to {@value #MAX_LIMIT}. */
    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiProblemException(
                    ApiProblem.MALFORMED_REQUEST, "limit: expected 1 to " + MAX_LIMIT + "; found " + limit);
        }
        return limit;
    }

    /**
     * The page size of a {@code limit} query parameter read as text (feed, audit events), with the
     * same bounds: absent is {@value #DEFAULT_LIMIT}; anything but an integer from 1 to {@value
     * #MAX_LIMIT} is refused, quoting at most the first 40 characters.
     */
    public static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        int value;
        try {
            value = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new ApiProblemException(
                    ApiProblem.MALFORMED_REQUEST,
                    "limit: expected an integer from 1 to " + MAX_LIMIT + ", found '" + abbreviate(limit) + "'");
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw new ApiProblemException(
                    ApiProblem.MALFORMED_REQUEST,
                    "limit: expected an integer from 1 to " + MAX_LIMIT + ", found " + value);
        }
        return value;
    }

    /** A query parameter as quoted back in a problem: its first 40 characters. */
    public static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
