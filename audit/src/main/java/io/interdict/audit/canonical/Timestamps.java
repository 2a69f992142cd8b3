package io.interdict.audit.canonical;

import java.time.Instant;
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

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    private Timestamps() {}

    /** {@code instant} truncated to milliseconds, in the fixed form. */
    public static String format(Instant instant) {
        return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Parses the fixed form only; anything else (no fraction, offsets, nanoseconds) is refused. */
    public static Instant parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            throw new DateTimeParseException(
                    "expected an instant like 2026-11-30T09:12:44.120Z (UTC, three fraction digits), found "
                            + (text == null ? "nothing" : "\"" + text + "\""),
                    String.valueOf(text),
                    0);
        }
        return Instant.parse(text);
    }
}
