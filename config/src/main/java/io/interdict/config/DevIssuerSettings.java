package io.interdict.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The built-in development identity provider (PRODUCT.md §6, "Out of the box"): a Spring
 * Authorization Server issuing client-credentials tokens to the demo partners. Switch it off with
 * {@code interdict.dev-issuer.enabled=false} when an external issuer is configured.
 *
 * @param enabled whether {@code /oauth2/token} and the demo clients exist.
 * @param issuer the {@code iss} of every token it mints, a fixed string so that tokens fetched
 *     through {@code 127.0.0.1} or {@code localhost} carry the same issuer; the gateway accepts no
 *     other.
 * @param tokenTtl lifetime of an access token; between one minute and one day.
 * @param keyFile its RSA signing key (PKCS#8 PEM), created there if missing; by default
 *     {@code <interdict.data-dir>/keys/dev-issuer-rsa.pem}. Several nodes given the same file (and the
 *     same {@code issuer}) issue tokens that every one of them accepts.
 */
@Validated
@ConfigurationProperties(prefix = "interdict.dev-issuer")
public record DevIssuerSettings(
        @DefaultValue("true") boolean enabled,

        @NotBlank
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        @DefaultValue("http://localhost:8080")
        String issuer,

        @NotNull @DefaultValue("15m") Duration tokenTtl,
        Path keyFile) {

    @AssertTrue(message = "token-ttl must be between 1m and 24h")
    public boolean isTokenTtlReasonable() {
        return tokenTtl == null
                || (tokenTtl.compareTo(Duration.ofMinutes(1)) >= 0 && tokenTtl.compareTo(Duration.ofHours(24)) <= 0);
    }
}
