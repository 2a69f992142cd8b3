package io.interdict.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers the tokens whose signature was verified, so a client that presents the same token on
 * every request does not cost an RSA or ECDSA verification each time — only the claim checks.
 *
 * <p>What is remembered is exactly this: "these bytes were signed by a key of the trusted issuer".
 * The key is the whole token text, signature included, compared for equality: a token that differs
 * in one character, a forged signature on the same claims among them, is not found and goes through
 * the full verification. The claim checks ({@link TokenValidators}: expiry, not-before, issuer,
 * audience, partner claim) run again on every request, so a remembered token stops being accepted
 * the moment it expires. A token that fails them is forgotten and decoded afresh, which refuses it
 * with the very error the full path gives.
 *
 * <p>A token is remembered for at most {@code lifetime} (5 minutes, as long as Spring Security keeps
 * an issuer's key set): a key the issuer withdraws stops covering its tokens here no later than it
 * stops being fetched. At most {@code size} tokens are remembered (least recently used go first);
 * only tokens that passed verification get in, so filling it takes valid tokens.
 */
final class VerifiedTokens implements JwtDecoder {

    /** How long a verified token is remembered at most, whatever its expiry. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> claims;
    private final Cache<String, Jwt> verified;

    /**
     * @param verifier decodes a token in full: signature, then {@code claims}
     * @param claims the same claim checks the verifier makes, run again on every remembered token
     * @param size the most tokens remembered at once
     * @param clock the clock the claim checks use, for how long a token is left to live
     */
    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> claims, int size, Clock clock) {
        this(verifier, claims, size, clock, Ticker.systemTicker());
    }

    /** As above, the time a token has been remembered read from {@code ticker} (tests). */
    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> claims, int size, Clock clock, Ticker ticker) {
        this.verifier = verifier;
        this.claims = claims;
        this.verified = Caffeine.newBuilder()
                .maximumSize(size)
                .ticker(ticker)
                .executor(Runnable::run)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> remembered(jwt, clock)))
                .build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (!claims.validate(known).hasErrors()) {
                return known;
            }
            verified.invalidate(token);
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    /** How many tokens are remembered now (for tests). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static Duration remembered(Jwt jwt, Clock clock) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(LIFETIME) < 0 ? left : LIFETIME;
    }
}
