package io.interdict.gateway.share;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.interdict.audit.jose.DetachedJws;
import io.interdict.audit.jose.Jwk;
import io.interdict.audit.jose.JwsVerification;
import io.interdict.audit.jose.KeyResolution;
import io.interdict.audit.jose.SignatureVerifier;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.partner.PartnerRegistry.SigningKey;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.time.Instant;
import java.util.Base64;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks an {@code Interdict-Signature} (PRODUCT.md §4): a detached EdDSA JWS by one of the
 * caller's own keys in force, over the RFC 8785 form of the pushed body. Every refusal names its
 * reason: malformed, unknown key, another partner's key, revoked key, bad signature.
 */
@Component
class SubmitterSignatures {

    /** A registered key as its verifier is made from: its id and its public key. */
    private record PublicKey(String kid, String x) {}

    /** Keys in use at once, at most; a key's verifier is a pure function of its id and public key. */
    private static final int KEYS_IN_USE = 10_000;

    private final JdbcTemplate jdbc;
    /** Verifiers by key id and public key: the point is decoded once per key, not once per push. */
    private final Cache<PublicKey, SignatureVerifier> verifiers = Caffeine.newBuilder()
            .maximumSize(KEYS_IN_USE)
            .executor(Runnable::run)
            .build();

    SubmitterSignatures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the key id that verified, or throws a 422 problem naming the reason. */
    String verify(String jws, byte[] canonicalBody, PartnerProfile partner, Instant now) {
        JwsVerification result = DetachedJws.verify(jws, canonicalBody, kid -> {
            SigningKey key = partner.keys().get(kid);
            if (key == null) {
                return KeyResolution.unknown(
                        belongsToAnother(kid, partner.partnerId())
                                ? "key '" + kid + "' belongs to another partner"
                                : "no key '" + kid + "' is registered for " + partner.partnerId());
            }
            if (key.revokedAt() != null && !now.isBefore(key.revokedAt())) {
                return KeyResolution.notValidAtTime("key '" + kid + "' was revoked at " + key.revokedAt());
            }
            if (!key.inForceAt(now)) {
                return KeyResolution.notValidAtTime("key '" + kid + "' is valid only from " + key.validFrom());
            }
            return KeyResolution.found(verifiers.get(
                    new PublicKey(kid, key.publicKeyX()),
                    k -> Jwk.of(k.kid(), Base64.getUrlDecoder().decode(k.x())).verifier()));
        });
        if (!result.isValid()) {
            throw new ApiProblemException(
                    ApiProblem.BAD_SIGNATURE,
                    "Interdict-Signature refused (" + result.failure() + "): " + result.detail());
        }
        return result.kid();
    }

    private boolean belongsToAnother(String kid, String partnerId) {
        Long others = jdbc.queryForObject(
                "select count(*) from partner_key where kid = ? and partner_id <> ?", Long.class, kid, partnerId);
        return others != null && others > 0;
    }
}
