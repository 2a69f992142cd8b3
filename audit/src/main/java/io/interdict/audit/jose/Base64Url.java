package io.interdict.audit.jose;

import java.util.Base64;

/**
 * Unpadded base64url (RFC 7515 section 2 "Base64url Encoding"). Decoding is strict: only the
 * alphabet of RFC 4648 section 5, no padding, no line breaks, and the canonical encoding only (the
 * unused low bits of the last character must be zero), so that one byte string has exactly one text
 * form and a signature cannot be altered in transit without changing its bytes.
 */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {}

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** The encoding as ASCII bytes. */
    static byte[] encodeToBytes(byte[] bytes) {
        return ENCODER.encode(bytes);
    }

    /**
     * Decodes {@code text}; {@code what} names the field in the exception message, which never
     * quotes the text itself.
     *
     * @throws MalformedBase64UrlException if {@code text} is not the canonical unpadded base64url of
     *     any byte string
     */
    public static byte[] decode(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new MalformedBase64UrlException(what
                        + ": expected unpadded base64url (RFC 7515 section 2), found "
                        + (c == '=' ? "padding '='" : String.format("character U+%04X", (int) c)) + " at index " + i);
            }
        }
        if (text.length() % 4 == 1) {
            throw new MalformedBase64UrlException(what + ": expected a base64url length that is not 1 modulo 4, found "
                    + text.length() + " characters");
        }
        byte[] bytes = DECODER.decode(text);
        if (!encode(bytes).equals(text)) {
            throw new MalformedBase64UrlException(
                    what + ": expected the canonical base64url encoding, found non-zero trailing bits");
        }
        return bytes;
    }

    /** The text is not canonical unpadded base64url; the message says where and why. */
    public static final class MalformedBase64UrlException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedBase64UrlException(String message) {
            super(message);
        }
    }
}
