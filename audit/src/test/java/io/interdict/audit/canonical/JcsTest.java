package io.interdict.audit.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JcsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** RFC 8785 Appendix B, "Number Serialization Samples" (IEEE 754 bits, expected text). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void appendixBNumbersSerialiseAsEcmaScriptDoes(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(Jcs.formatNumber(value)).isEqualTo(expected);
        assertThat(Jcs.canonicalString(NODES.numberNode(value))).isEqualTo(expected);
    }

    /** RFC 8785 Appendix B: NaN (7fffffffffffffff) and Infinity (7ff0000000000000) are errors. */
    @ParameterizedTest
    @CsvSource({"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
    void appendixBNonFiniteNumbersAreRejected(String bits) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThatThrownBy(() -> Jcs.canonicalString(NODES.numberNode(value)))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("finite");
    }

    /** JDK-4511638: Java 17's Double.toString is not always the shortest round-trip; ECMAScript's is. */
    @Test
    void numbersAreShortestWhereJava17DoubleToStringIsNot() {
        assertThat(Double.toString(2e23)).isEqualTo("1.9999999999999998E23");
        assertThat(Jcs.formatNumber(2e23)).isEqualTo("2e+23");
        assertThat(Jcs.formatNumber(1.0E23)).isEqualTo("1e+23");
        assertThat(Jcs.formatNumber(1e21)).isEqualTo("1e+21");
        assertThat(Jcs.formatNumber(1e20)).isEqualTo("100000000000000000000");
        assertThat(Jcs.formatNumber(1e-7)).isEqualTo("1e-7");
        assertThat(Jcs.formatNumber(0.85)).isEqualTo("0.85");
        assertThat(Jcs.formatNumber(-1.5)).isEqualTo("-1.5");
    }

    /** RFC 8785 section 3.2.2 sample, canonicalised as section 3.2.3 shows. */
    @Test
    void section322SampleCanonicalisesAsPublished() {
        JsonNode input = Jcs.parse("{\n  \"numbers\": [333333333.33333329, 1E30, 4.50,\n"
                + "              2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}");
        assertThat(Jcs.canonicalString(input))
                .isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    /** RFC 8785 section 3.2.4: the UTF-8 bytes of the section 3.2.3 result. */
    @Test
    void section324SampleHasThePublishedUtf8Bytes() {
        JsonNode input =
                Jcs.parse("{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
                        + "\"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
                        + "\"literals\": [null, true, false]}");
        assertThat(HexFormat.of().formatHex(Jcs.canonicalize(input)))
                .isEqualTo("7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b33"
                        + "33333333333333332e333333333333332c31652b33302c342e352c302e3030322c31652d32375d2c2273"
                        + "7472696e67223a22e282ac245c75303030665c6e4127425c225c5c5c5c5c222f227d");
    }

    /** RFC 8785 section 3.2.3 sorting example: UTF-16 code units, so U+1F600 (D83D DE00) sorts before U+FB33. */
    @Test
    void section323MembersSortByUtf16CodeUnits() {
        JsonNode input = Jcs.parse("{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\","
                + " \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\", \"1\": \"One\","
                + " \"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\","
                + " \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}");
        assertThat(Jcs.canonicalString(input))
                .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    /** RFC 8785 section 3.2.4: the UTF-8 encoding of an unnormalised string is kept as is (no NFC). */
    @Test
    void section324UnnormalisedUnicodeIsNotNormalised() {
        ObjectNode input = NODES.objectNode().put("Unnormalized Unicode", "A\u030a");
        assertThat(HexFormat.of().formatHex(Jcs.canonicalize(input)))
                .isEqualTo("7b22556e6e6f726d616c697a656420556e69636f6465223a2241cc8a227d");
    }

    /** RFC 8785 section 3.2.2.2: only the short escapes and \\u00xx for other controls; U+007F literal. */
    @Test
    void stringsEscapeOnlyWhatSection3222Requires() {
        String all = "\u0000\u0001\b\t\n\u000b\f\r\u001f \"/\\\u007f\u00e9\u2028";
        assertThat(Jcs.canonicalString(NODES.textNode(all)))
                .isEqualTo("\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f \\\"/\\\\\u007f\u00e9\u2028\"");
    }

    @Test
    void nestedObjectsAreSortedAtEveryDepthAndArraysKeepTheirOrder() {
        JsonNode input = Jcs.parse("{\"b\":[{\"z\":1,\"a\":2}],\"a\":{\"d\":true,\"c\":null},\"\":[]}");
        assertThat(Jcs.canonicalString(input))
                .isEqualTo("{\"\":[],\"a\":{\"c\":null,\"d\":true},\"b\":[{\"a\":2,\"z\":1}]}");
    }

    @Test
    void loneSurrogatesAreRejectedInValuesAndNames() {
        assertThatThrownBy(() -> Jcs.canonicalString(NODES.textNode("a\ud800")))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("lone surrogate U+D800");
        assertThatThrownBy(() -> Jcs.canonicalString(NODES.textNode("\udfff")))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("U+DFFF");
        assertThatThrownBy(() -> Jcs.canonicalString(NODES.objectNode().put("\udc00x", 1)))
                .isInstanceOf(CanonicalizationException.class);
    }

    /** Integers beyond 2^53 round to the nearest double, ties to even, as an I-JSON parser reads them. */
    @Test
    void largeIntegersRoundAsAnIJsonParserWould() {
        assertThat(Jcs.canonicalString(NODES.numberNode(9007199254740993L))).isEqualTo("9007199254740992");
        assertThat(Jcs.canonicalString(NODES.numberNode(9007199254740995L))).isEqualTo("9007199254740996");
        assertThat(Jcs.canonicalString(NODES.numberNode(Long.MAX_VALUE))).isEqualTo("9223372036854776000");
        assertThat(Jcs.canonicalString(NODES.numberNode(BigInteger.TEN.pow(30))))
                .isEqualTo("1e+30");
        assertThat(Jcs.canonicalString(Jcs.parse("295147905179352825856"))).isEqualTo("295147905179352830000");
        assertThat(Jcs.canonicalString(NODES.numberNode(new BigDecimal("4.50"))))
                .isEqualTo("4.5");
        assertThatThrownBy(() -> Jcs.canonicalString(NODES.numberNode(BigInteger.TEN.pow(400))))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("finite number within the IEEE 754 double range");
    }

    @Test
    void duplicateMemberNamesAreRefusedWhenParsing() {
        assertThatThrownBy(() -> Jcs.parse("{\"alg\":\"EdDSA\",\"alg\":\"none\"}"))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("Duplicate field 'alg'");
    }

    @Test
    void trailingContentIsRefusedWhenParsing() {
        assertThatThrownBy(() -> Jcs.parse("{} {}")).isInstanceOf(CanonicalizationException.class);
    }

    @Test
    void binaryNodesAreNotJson() {
        assertThatThrownBy(() -> Jcs.canonicalString(NODES.binaryNode(new byte[] {1})))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("BINARY");
    }

    @Test
    void outputIsUtf8() {
        assertThat(Jcs.canonicalize(NODES.textNode("\u20ac"))).isEqualTo("\"\u20ac\"".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWhenParsing() {
        assertThatThrownBy(() -> Jcs.parse(new byte[] {'"', (byte) 0xff, '"'}))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("malformed UTF-8");
        byte[] utf16 = "{}".getBytes(StandardCharsets.UTF_16BE);
        assertThatThrownBy(() -> Jcs.parse(utf16)).isInstanceOf(CanonicalizationException.class);
    }
}
