package io.interdict.gateway.log;

/**
 * The one piece of RFC 8785 this package needs: a JSON string literal as JCS writes it (ECMAScript
 * JSON.stringify escaping, RFC 8785 §3.2.2.2), for members the callers already emit in sorted order.
 */
final class CanonicalJson {

    private CanonicalJson() {}

    static void appendString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
