package io.interdict.audit.canonical;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript Number.prototype.toString for finite doubles (ECMA-262 section 7.1.12.1,
 * "Number::toString"), as RFC 8785 section 3.2.2.3 requires.
 *
 * <p>Java 17's {@link Double#toString(double)} does not always produce the shortest digit string
 * that round-trips (JDK-4511638, fixed in JDK 19), so the digits are found here: for k = 1..17 the
 * k-digit decimals just below and above the exact value of the double are tried, and the first k
 * for which one parses back to the same double wins; when both do, the one nearer the exact value
 * wins (ties go to the even digit string), which is the selection rule ECMA-262 states. Parsing
 * relies on {@link Double#parseDouble(String)}, which rounds correctly to nearest-even.
 */
final class EcmaNumbers {

    /** Every integer of magnitude below 2^53 is exactly representable, so its digits are the answer. */
    private static final double EXACT_INTEGER_LIMIT = 9007199254740992d;

    private static final MathContext[] HALF_EVEN = new MathContext[18];
    private static final MathContext[] FLOOR = new MathContext[18];
    private static final MathContext[] CEILING = new MathContext[18];

    static {
        for (int k = 1; k <= 17; k++) {
            HALF_EVEN[k] = new MathContext(k, RoundingMode.HALF_EVEN);
            FLOOR[k] = new MathContext(k, RoundingMode.FLOOR);
            CEILING[k] = new MathContext(k, RoundingMode.CEILING);
        }
    }

    private EcmaNumbers() {}

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new CanonicalizationException("RFC 8785 section 3.2.2.3: expected a finite number, found " + value);
        }
        if (value == 0d) {
            return "0"; // both +0 and -0 (ECMA-262: "If x is +0 or -0, return "0"")
        }
        if (value < 0) {
            return "-" + format(-value);
        }
        if (value < EXACT_INTEGER_LIMIT && value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        BigDecimal shortest = shortestRoundTrip(value);
        return layout(shortest.unscaledValue().toString(), shortest.precision() - shortest.scale());
    }

    /** The decimal with fewest significant digits that parses back to {@code value}, trailing zeros stripped. */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int k = 1; k <= 17; k++) {
            BigDecimal nearest = exact.round(HALF_EVEN[k]);
            if (roundTrips(nearest, value)) {
                return nearest.stripTrailingZeros();
            }
            // At a power of two the gap below is half the gap above, so the nearest k-digit decimal
            // can miss while the one on the other side still rounds back.
            BigDecimal other = nearest.compareTo(exact) < 0 ? exact.round(CEILING[k]) : exact.round(FLOOR[k]);
            if (roundTrips(other, value)) {
                return other.stripTrailingZeros();
            }
        }
        throw new IllegalStateException("no decimal of at most 17 digits round-trips " + value);
    }

    private static boolean roundTrips(BigDecimal candidate, double value) {
        return Double.parseDouble(candidate.toString()) == value;
    }

    /**
     * ECMA-262 Number::toString steps with digits s (k of them) and decimal exponent n, meaning the
     * value is 0.s × 10^n.
     */
    static String layout(String digits, int n) {
        int k = digits.length();
        StringBuilder out = new StringBuilder(k + 8);
        if (k <= n && n <= 21) {
            out.append(digits);
            for (int i = 0; i < n - k; i++) {
                out.append('0');
            }
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.");
            for (int i = 0; i < -n; i++) {
                out.append('0');
            }
            out.append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            int exponent = n - 1;
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }
}
