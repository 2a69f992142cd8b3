package io.interdict.audit.canonical;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

/**
 * RFC 8785 canonical form of a Jackson tree.
 *
 * <p>Numbers: RFC 8785 section 3.2.2.3 treats every JSON number as an IEEE 754 double. A tree may
 * hold integers or decimals that a double cannot represent exactly (Jackson keeps integers beyond
 * 2^53 as {@code long} or {@code BigInteger}, and decimals as {@code BigDecimal} when configured
 * to); they are converted as an I-JSON parser would convert their text: round to the nearest
 * double, ties to even ({@link java.math.BigInteger#doubleValue()}, the {@code long} to
 * {@code double} conversion and {@link Double#parseDouble} all do exactly that). So
 * {@code 9007199254740993} canonicalises as {@code 9007199254740992}. A magnitude that rounds to
 * infinity is refused. Producers that need exact large integers must send them as strings
 * (RFC 7493 section 2.2).
 */
public final class Jcs {

    /**
     * A mapper for reading JSON that is about to be canonicalised or verified: duplicate member
     * names are refused (I-JSON, RFC 7493 section 2.3, which RFC 8785 section 3.1 requires) and
     * trailing content after the value is refused, so one text cannot mean two trees.
     */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private Jcs() {}

    /** The canonical form as UTF-8 bytes (RFC 8785 section 3.2.4). */
    public static byte[] canonicalize(JsonNode value) {
        return canonicalString(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical form as a string (before the UTF-8 encoding of RFC 8785 section 3.2.4). */
    public static String canonicalString(JsonNode value) {
        if (value == null) {
            throw new CanonicalizationException("expected a JSON value, found Java null");
        }
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    /** Parses JSON text strictly (no duplicate members, nothing after the value). */
    public static JsonNode parse(String json) {
        try {
            return STRICT.readTree(json);
        } catch (IOException e) {
            throw new CanonicalizationException("expected I-JSON text: " + e.getMessage(), e);
        }
    }

    /**
     * Parses UTF-8 JSON bytes strictly (no duplicate members, nothing after the value). The bytes
     * are decoded as UTF-8 first, refusing malformed sequences, because Jackson would otherwise
     * auto-detect UTF-16 or UTF-32 and JSON exchanged between systems is UTF-8 (RFC 8259 section 8.1).
     */
    public static JsonNode parse(byte[] json) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CanonicalizationException("expected UTF-8 JSON, found malformed UTF-8: " + e, e);
        }
        return parse(text);
    }

    /** The strict mapper, for callers that build trees ({@code createObjectNode()}) or read streams. */
    public static ObjectMapper mapper() {
        return STRICT;
    }

    /** The ECMAScript serialisation of one double (RFC 8785 section 3.2.2.3). */
    public static String formatNumber(double value) {
        return EcmaNumbers.format(value);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> writeArray(node, out);
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(EcmaNumbers.format(toDouble(node)));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default ->
                throw new CanonicalizationException(
                        "expected a JSON object, array, string, number, boolean or null, found a " + node.getNodeType()
                                + " node");
        }
    }

    @SuppressWarnings("unchecked")
    private static void writeObject(JsonNode node, StringBuilder out) {
        Map.Entry<String, JsonNode>[] members = new Map.Entry[node.size()];
        int i = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            members[i++] = it.next();
        }
        if (members.length > 1) {
            // String.compareTo compares UTF-16 code units: the order of RFC 8785 section 3.2.3.
            Arrays.sort(members, MEMBER_ORDER);
        }
        out.append('{');
        for (int j = 0; j < members.length; j++) {
            if (j > 0) {
                out.append(',');
            }
            writeString(members[j].getKey(), out);
            out.append(':');
            write(members[j].getValue(), out);
        }
        out.append('}');
    }

    private static final Comparator<Map.Entry<String, JsonNode>> MEMBER_ORDER = Map.Entry.comparingByKey();

    private static void writeArray(JsonNode node, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(node.get(i), out);
        }
        out.append(']');
    }

    /**
     * RFC 8785 section 3.2.2.2; lone surrogates are not I-JSON (RFC 7493 section 2.1). Runs of
     * characters written as they are go out in one append each.
     */
    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        int length = s.length();
        int plain = 0; // the start of the run of characters not yet written, all written as they are
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= length || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw loneSurrogate(c, i);
                }
                i++; // a well-formed pair is written as it is
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                throw loneSurrogate(c, i);
            }
            out.append(s, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        out.append(s, plain, length);
        out.append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static CanonicalizationException loneSurrogate(char c, int index) {
        return new CanonicalizationException(String.format(
                "RFC 8785 section 3.2.2.2: expected well-formed UTF-16, found lone surrogate U+%04X at index %d",
                (int) c, index));
    }

    private static double toDouble(JsonNode number) {
        double value;
        switch (number.numberType()) {
            case INT -> {
                return number.intValue();
            }
            case LONG -> value = (double) number.longValue();
            case BIG_INTEGER -> value = number.bigIntegerValue().doubleValue();
            case BIG_DECIMAL -> value = Double.parseDouble(number.decimalValue().toString());
            case FLOAT -> value = number.floatValue();
            case DOUBLE -> value = number.doubleValue();
            default -> throw new CanonicalizationException("expected a JSON number, found " + number.numberType());
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new CanonicalizationException(
                    "RFC 8785 section 3.2.2.3: expected a finite number within the IEEE 754 double range, found "
                            + number);
        }
        return value;
    }
}
