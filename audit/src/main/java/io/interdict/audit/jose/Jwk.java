package io.interdict.audit.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An Ed25519 public key as an OKP JWK (RFC 8037 section 2): {@code kty} "OKP", {@code crv}
 * "Ed25519", {@code x} the 32-byte public key in unpadded base64url, and our {@code kid}.
 *
 * <p>{@link #parse(JsonNode)} is the gate for keys partners register, so it is strict: a {@code d}
 * member means somebody sent their private key, which is refused and said so; unknown members are
 * refused (PRODUCT.md section 7); {@code use} and {@code alg}, when present, must be "sig" and
 * "EdDSA".
 */
public final class Jwk {

    /** Key ids end up in URLs, logs and JWS headers: a conservative alphabet, bounded length. */
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static final Set<String> MEMBERS = Set.of("kty", "crv", "x", "kid", "use", "alg");

    private final String kid;
    private final byte[] publicKey;
    private final Ed25519Verifier verifier;

    private Jwk(String kid, byte[] publicKey) {
        this.kid = kid;
        this.publicKey = publicKey.clone();
        this.verifier = Ed25519Verifier.of(publicKey);
    }

    /** The JWK for a raw 32-byte Ed25519 public key. */
    public static Jwk of(String kid, byte[] publicKey) {
        requireValidKid(kid);
        if (publicKey == null || publicKey.length != Ed25519Verifier.PUBLIC_KEY_LENGTH) {
            throw new InvalidJwkException("expected a 32-byte Ed25519 public key, found "
                    + (publicKey == null ? "null" : publicKey.length + " bytes"));
        }
        return new Jwk(kid, publicKey);
    }

    /** Parses a public OKP/Ed25519 JWK strictly. */
    public static Jwk parse(JsonNode json) {
        return parse(json, MEMBERS);
    }

    static Jwk parse(JsonNode json, Set<String> allowedMembers) {
        if (json == null || !json.isObject()) {
            throw new InvalidJwkException(
                    "expected a JWK as a JSON object, found " + (json == null ? "nothing" : json.getNodeType()));
        }
        if (json.has("d")) {
            throw new InvalidJwkException(
                    "expected a public JWK, found member \"d\": this is a private key; never send it, register only the public part");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowedMembers.contains(name)) {
                throw new InvalidJwkException(
                        "unexpected JWK member \"" + name + "\"; expected only " + allowedMembers);
            }
        }
        requireString(json, "kty", "OKP");
        requireString(json, "crv", "Ed25519");
        if (json.has("use")) {
            requireString(json, "use", "sig");
        }
        if (json.has("alg")) {
            requireString(json, "alg", DetachedJws.ALGORITHM);
        }
        String kid = text(json, "kid");
        requireValidKid(kid);
        byte[] x;
        try {
            x = Base64Url.decode(text(json, "x"), "JWK member \"x\"");
        } catch (IllegalArgumentException e) {
            throw new InvalidJwkException(e.getMessage());
        }
        if (x.length != Ed25519Verifier.PUBLIC_KEY_LENGTH) {
            throw new InvalidJwkException(
                    "expected \"x\" to hold a 32-byte Ed25519 public key (RFC 8037 section 2), found " + x.length
                            + " bytes");
        }
        return new Jwk(kid, x);
    }

    static void requireValidKid(String kid) {
        if (kid == null || !KID.matcher(kid).matches()) {
            throw new InvalidJwkException("expected \"kid\" of 1 to 128 characters from [A-Za-z0-9._:-], found "
                    + (kid == null ? "none" : "\"" + kid + "\""));
        }
    }

    private static void requireString(JsonNode json, String member, String expected) {
        String found = text(json, member);
        if (!expected.equals(found)) {
            throw new InvalidJwkException(
                    "expected \"" + member + "\":\"" + expected + "\" (RFC 8037 section 2), found \"" + found + "\"");
        }
    }

    static String text(JsonNode json, String member) {
        JsonNode value = json.get(member);
        if (value == null || !value.isTextual()) {
            throw new InvalidJwkException("expected member \"" + member + "\" as a string, found "
                    + (value == null ? "none" : value.getNodeType().toString()));
        }
        return value.textValue();
    }

    public String kid() {
        return kid;
    }

    /** The raw 32-byte public key (a copy). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The {@code x} member: the public key in unpadded base64url. */
    public String x() {
        return Base64Url.encode(publicKey);
    }

    public SignatureVerifier verifier() {
        return verifier;
    }

    /** {@code {"kty":"OKP","crv":"Ed25519","x":...,"kid":...}}. */
    public ObjectNode toJson() {
        ObjectNode json = Jcs.mapper().createObjectNode();
        json.put("kty", "OKP");
        json.put("crv", "Ed25519");
        json.put("x", x());
        json.put("kid", kid);
        return json;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Jwk that && kid.equals(that.kid) && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * kid.hashCode() + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "Jwk[kid=" + kid + ", x=" + x() + "]";
    }
}
