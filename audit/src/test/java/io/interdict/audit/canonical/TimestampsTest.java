package io.interdict.audit.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    /** The rule before the digit-by-digit reader: the shape, then {@link Instant#parse}. */
    static Object reference(String text) {
        if (!Timestamps.SHAPE.matcher(text).matches()) {
            return "refused";
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }

    static Object actual(String text) {
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }

    @Test
    void readsTheFixedFormLikeInstantParse() {
        assertThat(Timestamps.parse("2026-11-30T09:12:44.120Z")).isEqualTo(Instant.parse("2026-11-30T09:12:44.120Z"));
        assertThat(Timestamps.parse("1970-01-01T00:00:00.000Z")).isEqualTo(Instant.EPOCH);
        assertThat(Timestamps.parse("2024-02-29T23:59:59.999Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
    }

    @Test
    void unusualButWellShapedTextsAreDecidedExactlyAsInstantParseDecidesThem() {
        for (String text : new String[] {
            "2025-02-29T00:00:00.000Z", // not a leap year
            "2026-04-31T00:00:00.000Z",
            "2026-13-01T00:00:00.000Z",
            "2026-00-10T00:00:00.000Z",
            "2026-01-00T00:00:00.000Z",
            "2026-06-30T23:59:60.000Z", // a leap second
            "2026-12-31T24:00:00.000Z",
            "2026-12-31T23:60:00.000Z",
            "0000-01-01T00:00:00.000Z",
            "9999-12-31T23:59:59.999Z",
            "2000-02-29T12:00:00.000Z",
            "1900-02-29T12:00:00.000Z"
        }) {
            assertThat(actual(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Test
    void randomDigitsInTheFixedShapeAgreeWithTheReference() {
        Random random = new Random(7);
        char[] template = "0000-00-00T00:00:00.000Z".toCharArray();
        for (int n = 0; n < 50_000; n++) {
            char[] text = template.clone();
            for (int i = 0; i < text.length; i++) {
                if (Character.isDigit(template[i])) {
                    // Mostly plausible digits, sometimes anything.
                    text[i] = (char) ('0' + random.nextInt(i == 5 || i == 8 || i == 11 || i == 14 || i == 17 ? 4 : 10));
                }
            }
            String value = new String(text);
            assertThat(actual(value)).as(value).isEqualTo(reference(value));
        }
    }

    @Test
    void anythingOutsideTheShapeIsRefused() {
        for (String text : new String[] {
            "2026-11-30T09:12:44Z",
            "2026-11-30T09:12:44.12Z",
            "2026-11-30T09:12:44.1200Z",
            "2026-11-30T09:12:44.120+00:00",
            "2026-11-30 09:12:44.120Z",
            "2026-11-30T09:12:44.120z",
            "２026-11-30T09:12:44.120Z",
            "",
        }) {
            assertThatThrownBy(() -> Timestamps.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            assertThat(reference(text)).isEqualTo("refused");
        }
        assertThatThrownBy(() -> Timestamps.parse(null)).isInstanceOf(DateTimeParseException.class);
    }

    /** What {@link Timestamps#fromIsoInstant} replaces: the parser, then the fixed form. */
    static Object isoReference(String text) {
        try {
            return Timestamps.format(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }

    static Object isoActual(String text) {
        try {
            return Timestamps.fromIsoInstant(text);
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }

    @Test
    void isoInstantTextsBecomeTheFixedFormExactlyAsParseThenFormat() {
        assertThat(Timestamps.fromIsoInstant("2026-11-30T09:12:44Z")).isEqualTo("2026-11-30T09:12:44.000Z");
        assertThat(Timestamps.fromIsoInstant("2026-11-30T09:12:44.1Z")).isEqualTo("2026-11-30T09:12:44.100Z");
        assertThat(Timestamps.fromIsoInstant("2026-11-30T09:12:44.123456789Z")).isEqualTo("2026-11-30T09:12:44.123Z");
        for (String text : new String[] {
            "2026-06-30T23:59:60Z", // a leap second: the parser's answer, not the digits
            "2026-06-30T23:59:60.5Z",
            "2025-02-29T00:00:00Z",
            "2026-12-31T24:00:00Z",
            "+10000-01-01T00:00:00Z",
            "-0001-01-01T00:00:00.5Z",
            "2026-11-30T09:12:44.Z",
            "2026-11-30T09:12:44.1234567890Z",
            "2026-11-30T09:12:44,1Z",
            "2026-11-30T09:12:44.1+00:00",
            "2026-11-30T09:12Z",
            "",
        }) {
            assertThat(isoActual(text)).as(text).isEqualTo(isoReference(text));
        }
        Random random = new Random(11);
        for (int n = 0; n < 50_000; n++) {
            // Instant.toString of random instants: no fraction, milli, micro and nano precision.
            long seconds = random.nextLong() % 400_000_000_000L;
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();
            assertThat(isoActual(text)).as(text).isEqualTo(isoReference(text));
        }
    }
}
