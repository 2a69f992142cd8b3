package io.interdict.domain.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Traffic Light Protocol 2.0 markings, declared from the least to the most restrictive so that the
 * natural order of the enum is the order of restrictiveness (PRODUCT.md §3).
 */
public enum Tlp {
    CLEAR("TLP:CLEAR"),
    GREEN("TLP:GREEN"),
    AMBER("TLP:AMBER"),
    AMBER_STRICT("TLP:AMBER+STRICT"),
    RED("TLP:RED");

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    /** The marking as written on the wire, e.g. {@code TLP:AMBER+STRICT}. */
    public String label() {
        return label;
    }

    /** Reads a wire label; anything else is invalid input naming the accepted labels. */
    public static Tlp fromLabel(String label) {
        for (Tlp tlp : values()) {
            if (tlp.label.equals(label)) {
                return tlp;
            }
        }
        throw DomainRuleViolation.invalidInput(
                "expected a TLP marking, one of " + acceptedLabels() + "; found " + quoted(label));
    }

    /** True when this marking restricts readers more than {@code other}. */
    public boolean isMoreRestrictiveThan(Tlp other) {
        return compareTo(other) > 0;
    }

    /** True for markings anyone enrolled may read: TLP:CLEAR and TLP:GREEN. */
    public boolean isPublic() {
        return this == CLEAR || this == GREEN;
    }

    /** True for markings that confine a record to its provider and named audience. */
    public boolean isStrict() {
        return this == AMBER_STRICT || this == RED;
    }

    private static String acceptedLabels() {
        return Arrays.stream(values()).map(Tlp::label).collect(Collectors.joining(", "));
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
