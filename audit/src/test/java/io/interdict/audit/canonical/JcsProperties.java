package io.interdict.audit.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JcsProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** ECMA-262 Number::toString shapes: plain digits, a decimal fraction, or d[.ddd]e±n. */
    private static final Pattern PLAIN = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?");

    private static final Pattern EXPONENT = Pattern.compile("-?[1-9](\\.[0-9]*[1-9])?e[+-][1-9][0-9]*");

    @Property(tries = 2000)
    void everyFiniteDoubleRoundTripsThroughItsEcmaScriptForm(@ForAll("finiteDoubles") double value) {
        String text = Jcs.formatNumber(value);
        assertThat(Double.parseDouble(text)).isEqualTo(value == 0d ? 0d : value);
        double magnitude = Math.abs(value);
        if (magnitude != 0d && (magnitude < 1e-6 || magnitude >= 1e21)) {
            assertThat(text).matches(EXPONENT);
        } else {
            assertThat(text).matches(PLAIN);
        }
    }

    /** Never more digits than Java's own (round-tripping) Double.toString uses. */
    @Property(tries = 2000)
    void digitsAreNeverMoreThanJavaUses(@ForAll("finiteDoubles") double value) {
        String ours = Jcs.formatNumber(Math.abs(value)).replaceAll("e.*", "").replace(".", "");
        String javas = Double.toString(Math.abs(value)).replaceAll("E.*", "").replace(".", "");
        assertThat(significant(ours).length())
                .isLessThanOrEqualTo(significant(javas).length());
    }

    private static String significant(String digits) {
        String s = digits.replaceFirst("^0+", "").replaceFirst("0+$", "");
        return s.isEmpty() ? "0" : s;
    }

    @Property(tries = 500)
    void canonicalisingTheParseOfACanonicalFormChangesNothing(@ForAll("json") JsonNode value) {
        String canonical = Jcs.canonicalString(value);
        assertThat(Jcs.canonicalString(Jcs.parse(canonical))).isEqualTo(canonical);
    }

    @Provide
    Arbitrary<Double> finiteDoubles() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.doubles(),
                Arbitraries.doubles().ofScale(30).between(-1e-5, 1e-5),
                Arbitraries.doubles().between(1e20, 1e22),
                Arbitraries.of(
                        1e21, 1e-6, 9.999999999999999e20, 9.999999999999999e-7, Double.MIN_VALUE, Double.MAX_VALUE));
    }

    /**
     * Random trees built from a seed: jqwik's recursive combinators memoise generators in a way that
     * does not terminate for trees this wide, and shrinking a tree adds little here.
     */
    @Provide
    Arbitrary<JsonNode> json() {
        return Arbitraries.longs().map(seed -> randomValue(new Random(seed), 0));
    }

    private static JsonNode randomValue(Random random, int depth) {
        int kind = random.nextInt(depth >= 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong() >> random.nextInt(64));
            case 3 -> NODES.numberNode(randomDouble(random));
            case 4, 5 -> NODES.textNode(randomString(random));
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(randomString(random), randomValue(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static double randomDouble(Random random) {
        double value;
        do {
            value = random.nextBoolean() ? Double.longBitsToDouble(random.nextLong()) : random.nextGaussian() * 1e3;
        } while (!Double.isFinite(value));
        return value;
    }

    /** Well-formed UTF-16 mixing ASCII, controls, BMP characters and surrogate pairs. */
    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            switch (random.nextInt(4)) {
                case 0 -> s.append((char) random.nextInt(0x80));
                case 1 -> s.append((char) random.nextInt(0x20));
                case 2 -> {
                    char c = (char) (0x80 + random.nextInt(0xD800 - 0x80));
                    s.append(c);
                }
                default -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
            }
        }
        return s.toString();
    }
}
