package io.interdict.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interdict.config.SecuritySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A remembered token skips only the signature check: the claims are checked on every use, a token
 * that differs in any character is verified in full, and nothing that failed is remembered.
 */
class VerifiedTokensTest {

    private static final String ISSUER = "https://issuer.example";
    private static final SecuritySettings SETTINGS =
            new SecuritySettings("sub", "interdict-gateway", List.of("RS256"), Duration.ofSeconds(60), 8192, 4096);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
    private final AtomicLong nanos = new AtomicLong();
    private final OAuth2TokenValidator<Jwt> claims = TokenValidators.forIssuer(ISSUER, SETTINGS, clock);

    /** A verifier that accepts the tokens it was given, decoded to the claims given, and counts its calls. */
    private final Map<String, Jwt> genuine = new java.util.HashMap<>();

    private final List<String> verified = new ArrayList<>();
    private final JwtDecoder verifier = token -> {
        verified.add(token);
        Jwt jwt = genuine.get(token);
        if (jwt == null) {
            throw new BadJwtException("signature does not verify");
        }
        var result = claims.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("claims", result.getErrors());
        }
        return jwt;
    };

    private final VerifiedTokens tokens = new VerifiedTokens(verifier, claims, 3, clock, nanos::get);

    @Test
    void aTokenPresentedAgainIsNotVerifiedAgain() {
        genuine.put("a.b.c", jwt("amazon", Duration.ofHours(1)));

        Jwt first = tokens.decode("a.b.c");
        Jwt second = tokens.decode("a.b.c");

        assertThat(second).isSameAs(first);
        assertThat(verified).containsExactly("a.b.c");
    }

    @Test
    void aTokenThatDiffersInItsSignatureIsVerifiedInFullAndRefused() {
        genuine.put("a.b.c", jwt("amazon", Duration.ofHours(1)));
        tokens.decode("a.b.c");

        // The same header and claims under another signature, and the genuine one cut short.
        for (String forged : List.of("a.b.x", "a.b.", "a.b", "a.b.c ")) {
            assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        }
        assertThat(verified).containsExactly("a.b.c", "a.b.x", "a.b.", "a.b", "a.b.c ");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("x.y.z")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("x.y.z")).isInstanceOf(BadJwtException.class);

        assertThat(verified).containsExactly("x.y.z", "x.y.z");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpiresBeyondTheSkew() {
        genuine.put("a.b.c", jwt("amazon", Duration.ofMinutes(2)));
        tokens.decode("a.b.c");

        clock.advance(Duration.ofMinutes(2).plusSeconds(61));

        assertThatThrownBy(() -> tokens.decode("a.b.c"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("claims");
        assertThat(verified).containsExactly("a.b.c", "a.b.c");
    }

    @Test
    void theClaimsAreCheckedOnEveryUseOfARememberedToken() {
        AtomicLong checks = new AtomicLong();
        OAuth2TokenValidator<Jwt> counting = jwt -> {
            checks.incrementAndGet();
            return claims.validate(jwt);
        };
        VerifiedTokens counted = new VerifiedTokens(verifier, counting, 3, clock, nanos::get);
        genuine.put("a.b.c", jwt("amazon", Duration.ofHours(1)));
        counted.decode("a.b.c");

        counted.decode("a.b.c");
        counted.decode("a.b.c");

        assertThat(checks).hasValue(2);
    }

    @Test
    void aTokenIsRememberedForFiveMinutesAtMostAndNeverPastItsExpiry() {
        genuine.put("long.lived.token", jwt("amazon", Duration.ofHours(1)));
        genuine.put("short.lived.token", jwt("dhl", Duration.ofMinutes(1)));
        tokens.decode("long.lived.token");
        tokens.decode("short.lived.token");

        elapse(Duration.ofSeconds(61));
        tokens.decode("short.lived.token"); // expired, within the skew: verified again, not remembered
        tokens.decode("short.lived.token");
        elapse(Duration.ofMinutes(4));
        tokens.decode("long.lived.token");

        assertThat(verified)
                .containsExactly(
                        "long.lived.token",
                        "short.lived.token",
                        "short.lived.token",
                        "short.lived.token",
                        "long.lived.token");
    }

    private void elapse(Duration time) {
        clock.advance(time);
        nanos.addAndGet(time.toNanos());
    }

    @Test
    void atMostTheConfiguredNumberOfTokensIsRemembered() {
        for (int i = 0; i < 10; i++) {
            genuine.put("t." + i + ".s", jwt("p" + i, Duration.ofHours(1)));
            tokens.decode("t." + i + ".s");
        }

        assertThat(tokens.size()).isEqualTo(3);
    }

    private Jwt jwt(String partner, Duration lifetime) {
        Instant now = clock.instant();
        return Jwt.withTokenValue("unused")
                .header("alg", "RS256")
                .issuer(ISSUER)
                .audience(List.of("interdict-gateway"))
                .subject(partner)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(lifetime))
                .build();
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
