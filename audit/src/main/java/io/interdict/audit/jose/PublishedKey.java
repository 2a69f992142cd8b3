package io.interdict.audit.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Timestamps;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the published JWK set (PRODUCT.md section 4): the public JWK, {@code use} "sig",
 * {@code alg} "EdDSA", and Interdict's members {@code owner} (a partner id or "gateway"),
 * {@code validFrom} and, once revoked, {@code revokedAt}. Revoked keys stay listed so that records
 * signed before the revocation still verify; {@code revokedAt} is left out while the key is live,
 * never written as null.
 *
 * @param revokedAt null while the key is not revoked
 */
public record PublishedKey(Jwk jwk, String owner, Instant validFrom, Instant revokedAt) {

    /** The owner of the gateway's own notarisation keys. */
    public static final String GATEWAY = "gateway";

    private static final Set<String> MEMBERS =
            Set.of("kty", "crv", "x", "kid", "use", "alg", "owner", "validFrom", "revokedAt");

    public PublishedKey {
        Objects.requireNonNull(jwk, "jwk");
        Objects.requireNonNull(validFrom, "validFrom");
        if (owner == null || owner.isBlank()) {
            throw new InvalidJwkException("expected a non-empty key owner, found " + (owner == null ? "none" : "\"\""));
        }
        if (revokedAt != null && revokedAt.isBefore(validFrom)) {
            throw new InvalidJwkException(
                    "expected revokedAt not before validFrom " + validFrom + ", found " + revokedAt);
        }
    }

    public String kid() {
        return jwk.kid();
    }

    public Optional<Instant> revocation() {
        return Optional.ofNullable(revokedAt);
    }

    /** A copy revoked at {@code when}. */
    public PublishedKey revoke(Instant when) {
        return new PublishedKey(jwk, owner, validFrom, when);
    }

    /**
     * Whether a signature made at {@code instant} is covered: {@code validFrom <= instant} and, if
     * revoked, {@code instant < revokedAt}. A record notarised before a revocation stays valid.
     */
    public boolean isValidAt(Instant instant) {
        return !instant.isBefore(validFrom) && (revokedAt == null || instant.isBefore(revokedAt));
    }

    public ObjectNode toJson() {
        ObjectNode json = jwk.toJson();
        json.put("use", "sig");
        json.put("alg", DetachedJws.ALGORITHM);
        json.put("owner", owner);
        json.put("validFrom", Timestamps.format(validFrom));
        if (revokedAt != null) {
            json.put("revokedAt", Timestamps.format(revokedAt));
        }
        return json;
    }

    public static PublishedKey parse(JsonNode json) {
        Jwk jwk = Jwk.parse(json, MEMBERS);
        String owner = Jwk.text(json, "owner");
        Instant validFrom = instant(json, "validFrom");
        Instant revokedAt = json.has("revokedAt") ? instant(json, "revokedAt") : null;
        return new PublishedKey(jwk, owner, validFrom, revokedAt);
    }

    private static Instant instant(JsonNode json, String member) {
        String text = Jwk.text(json, member);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidJwkException("expected \"" + member
                    + "\" as an ISO-8601 instant such as 2026-11-30T09:12:44.120Z, found \"" + text + "\"");
        }
    }
}
