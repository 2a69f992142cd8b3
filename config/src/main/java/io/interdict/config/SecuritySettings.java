package io.interdict.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway accepts bearer tokens (PRODUCT.md §1, §7). The issuer and its keys are the
 * built-in development issuer's ({@link DevIssuerSettings}) or the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} settings.
 *
 * @param partnerClaim the claim that names the partner; {@code sub} is the client id of a
 *     client-credentials token.
 * @param audience the value a token's {@code aud} must contain: a token minted for another service
 *     is refused here.
 * @param algorithms the JWS algorithms accepted, an explicit allowlist of asymmetric ones: {@code
 *     none} and the HMAC algorithms can never be configured (a public key must never serve as an
 *     HMAC secret).
 * @param clockSkew how far {@code exp}, {@code nbf} and {@code iat} may be off; at most 60 s.
 * @param maxTokenBytes the longest {@code Authorization} header read; a longer one is refused
 *     before any parsing. The HTTP server's header limit is set above the largest allowed value.
 * @param verifiedTokens how many tokens whose signature was verified are remembered, so the same
 *     token presented again costs only the claim checks, which every request still makes; {@code 0}
 *     verifies every signature every time.
 */
@Validated
@ConfigurationProperties(prefix = "interdict.security")
public record SecuritySettings(
        @NotBlank @DefaultValue("sub") String partnerClaim,
        @NotBlank @DefaultValue("interdict-gateway") String audience,

        @NotEmpty @DefaultValue({"RS256", "ES256"})
        List<@NotNull @Pattern(regexp = ASYMMETRIC_ALGORITHMS, message = ALGORITHM_MESSAGE) String> algorithms,

        @NotNull @DefaultValue("60s") Duration clockSkew,

        @Min(256) @Max(MAX_TOKEN_BYTES_LIMIT) @DefaultValue("8192")
        int maxTokenBytes,

        @Min(0) @Max(100_000) @DefaultValue("4096") int verifiedTokens) {

    /** The highest {@code max-token-bytes}; the HTTP server accepts request headers up to 32 KB. */
    public static final int MAX_TOKEN_BYTES_LIMIT = 16384;

    static final String ASYMMETRIC_ALGORITHMS = "RS256|RS384|RS512|PS256|PS384|PS512|ES256|ES384|ES512";
    static final String ALGORITHM_MESSAGE = "must be one of " + ASYMMETRIC_ALGORITHMS;

    /** RFC 7519 allows "a few minutes"; we allow a minute at most. */
    @AssertTrue(message = "clock-skew must be between 0s and 60s")
    public boolean isClockSkewWithinAMinute() {
        return clockSkew == null || (!clockSkew.isNegative() && clockSkew.compareTo(Duration.ofSeconds(60)) <= 0);
    }
}
