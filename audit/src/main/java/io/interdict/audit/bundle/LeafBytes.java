package io.interdict.audit.bundle;

import java.nio.charset.StandardCharsets;

/**
 * The RFC 9162 leaf of a signed record (JCS of the envelope plus {@code gatewaySignature}, PRODUCT.md
 * section 5) derived from JCS of the envelope alone, so a verifier canonicalises each record once.
 *
 * <p>RFC 8785 sorts members by UTF-16 code units, so {@code gatewaySignature} always falls between
 * {@code aggregateSequence} and {@code partner}, the envelope's only members around it. The first
 * {@code ,"partner":} in the canonical text is that member: inside a JSON string every quote is
 * escaped, so {@code ,"} cannot occur within one. A compact JWS is base64url and dots, which JCS
 * writes as is.
 */
final class LeafBytes {

    private static final byte[] PARTNER = ",\"partner\":".getBytes(StandardCharsets.US_ASCII);

    private LeafBytes() {}

    /** The leaf bytes, or null when the input is not of that shape (the caller canonicalises instead). */
    static byte[] fromEnvelope(byte[] canonicalEnvelope, String gatewaySignature) {
        int at = indexOf(canonicalEnvelope, PARTNER);
        if (at < 0 || !gatewaySignature.chars().allMatch(LeafBytes::isJwsCharacter)) {
            return null;
        }
        byte[] member = (",\"gatewaySignature\":\"" + gatewaySignature + "\"").getBytes(StandardCharsets.US_ASCII);
        byte[] leaf = new byte[canonicalEnvelope.length + member.length];
        System.arraycopy(canonicalEnvelope, 0, leaf, 0, at);
        System.arraycopy(member, 0, leaf, at, member.length);
        System.arraycopy(canonicalEnvelope, at, leaf, at + member.length, canonicalEnvelope.length - at);
        return leaf;
    }

    private static boolean isJwsCharacter(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.';
    }

    private static int indexOf(byte[] text, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= text.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (text[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
