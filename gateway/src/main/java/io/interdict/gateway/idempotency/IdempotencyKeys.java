package io.interdict.gateway.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.audit.canonical.Jcs;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The one definition of a well-formed Idempotency-Key and of the digest that tells two requests apart. */
public final class IdempotencyKeys {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private IdempotencyKeys() {}

    /** The key as given, or a 400 problem when it is not 1 to 255 visible ASCII characters. */
    public static String requireWellFormed(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new ApiProblemException(
                    ApiProblem.MALFORMED_REQUEST, "Idempotency-Key: expected 1 to 255 visible ASCII characters");
        }
        return key;
    }

    /**
     * SHA-256 (hex) over what makes a request what it is: the endpoint, the RFC 8785 form of its body
     * (so whitespace and member order do not matter) and any further parts, such as a signature.
     */
    public static String digest(String endpoint, JsonNode body, String... parts) {
        return digest(endpoint, body == null ? new byte[0] : Jcs.canonicalize(body), parts);
    }

    public static String digest(String endpoint, byte[] canonicalBody, String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            if (endpoint != null) {
                sha256.update(endpoint.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) '\n');
            }
            sha256.update(canonicalBody);
            for (String part : parts) {
                sha256.update((byte) '\n');
                if (part != null) {
                    sha256.update(part.getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
