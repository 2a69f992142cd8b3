package io.interdict.audit.canonical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The one text form of instants in signed JSON: ISO-8601 UTC with exactly three fraction digits
 * ({@code 2026-11-30T09:12:44.120Z}, PRODUCT.md section 8). {@link Instant#toString()} drops a zero
 * fraction and keeps nanoseconds, so two equal-looking instants could sign differently; this
 * formatter always writes milliseconds.
 */
public final class Timestamps {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    private Timestamps() {}

    /** {@code instant} truncated to milliseconds, in the fixed form. */
    public static String format(Instant instant) {
        return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * The fixed form of an {@link java.time.format.DateTimeFormatter#ISO_INSTANT} text such as
     * {@link Instant#toString()} writes (no fraction, or one to nine digits), truncated to
     * milliseconds: {@code format(Instant.parse(text))}, without the parser for the ordinary case.
     * The event store keeps its timestamps in that form, and every record read back needs this.
     */
    public static String fromIsoInstant(String text) {
        String candidate = millisOf(text);
        if (candidate != null && parseOrdinary(candidate) != null) {
            return candidate;
        }
        return format(Instant.parse(text));
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} with its fraction cut or padded to three digits; else null. */
    private static String millisOf(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z') {
            return null;
        }
        if (length == 21 || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        for (int i = 20; i < length - 1; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        StringBuilder millis = new StringBuilder(24).append(text, 0, 19).append('.');
        for (int i = 20; i < 23; i++) {
            millis.append(i < length - 1 ? text.charAt(i) : '0');
        }
        String candidate = millis.append('Z').toString();
        return hasShape(candidate) ? candidate : null;
    }

    /** Parses the fixed form only; anything else (no fraction, offsets, nanoseconds) is refused. */
    public static Instant parse(String text) {
        if (text == null || !hasShape(text)) {
            throw new DateTimeParseException(
                    "expected an instant like 2026-11-30T09:12:44.120Z (UTC, three fraction digits), found "
                            + (text == null ? "nothing" : "\"" + text + "\""),
                    String.valueOf(text),
                    0);
        }
        Instant fast = parseOrdinary(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /**
     * The instant of a well-shaped text whose fields are all in their ordinary ranges, read digit by
     * digit; null for anything else (a leap second, 24:00, February 30, …), which {@link
     * Instant#parse} then decides exactly as before. Every signed record's {@code recordedAt} is
     * checked this way, several times per record on the feed and in the verifier, and
     * {@code Instant.parse} was a quarter of the feed's CPU (BENCHMARKS.md).
     */
    private static Instant parseOrdinary(String text) {
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = digits(text, 20, 3);
        if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /** {@link #SHAPE} without a regular expression. */
    static boolean hasShape(String text) {
        if (text.length() != 24) {
            return false;
        }
        for (int i = 0; i < 24; i++) {
            char c = text.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                case 19 -> c == '.';
                case 23 -> c == 'Z';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
