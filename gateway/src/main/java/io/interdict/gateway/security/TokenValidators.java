package io.interdict.gateway.security;

import io.interdict.config.SecuritySettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The claim checks every accepted token passes, after its signature was verified with an allowed
 * algorithm: issuer, audience, a mandatory expiry, {@code nbf}/{@code iat} within the configured
 * skew, and a partner claim. Their descriptions are fixed texts: they reach the client in the 401
 * response and never quote the token.
 */
final class TokenValidators {

    private TokenValidators() {}

    static OAuth2TokenValidator<Jwt> forIssuer(String issuer, SecuritySettings settings, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtIssuerValidator(issuer),
                audience(settings.audience()),
                expiryRequired(),
                timestamps,
                notIssuedInTheFuture(settings, clock),
                partnerClaim(settings.partnerClaim())));
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> {
            List<String> audiences = jwt.getAudience();
            return audiences != null && audiences.contains(audience)
                    ? OAuth2TokenValidatorResult.success()
                    : failure("the token is not meant for this gateway: its aud does not contain " + audience);
        };
    }

    private static OAuth2TokenValidator<Jwt> expiryRequired() {
        return jwt -> jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : failure("the token has no expiry (exp)");
    }

    private static OAuth2TokenValidator<Jwt> notIssuedInTheFuture(SecuritySettings settings, Clock clock) {
        return jwt -> {
            Instant issuedAt = jwt.getIssuedAt();
            return issuedAt == null || !issuedAt.isAfter(clock.instant().plus(settings.clockSkew()))
                    ? OAuth2TokenValidatorResult.success()
                    : failure("the token was issued in the future (iat)");
        };
    }

    private static OAuth2TokenValidator<Jwt> partnerClaim(String claim) {
        return jwt ->
                jwt.getClaims().get(claim) instanceof String partner && !partner.isBlank() && partner.length() <= 200
                        ? OAuth2TokenValidatorResult.success()
                        : failure("the token does not name a partner in claim " + claim);
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
