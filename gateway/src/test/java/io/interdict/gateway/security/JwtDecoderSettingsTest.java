package io.interdict.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interdict.config.DevIssuerSettings;
import io.interdict.config.SecuritySettings;
import io.interdict.gateway.startup.InvalidSettingException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Which issuer the gateway trusts is never ambiguous, and a bad token never needs the network. */
class JwtDecoderSettingsTest {

    private static final SecuritySettings SECURITY = new SecuritySettings(
            "sub", "interdict-gateway", List.of("RS256", "ES256"), Duration.ofSeconds(60), 8192, 4096);
    private static final DevIssuerSettings DEV_ISSUER_OFF =
            new DevIssuerSettings(false, "http://localhost:8080", Duration.ofMinutes(15), null);
    private static final DevIssuerSettings DEV_ISSUER_ON =
            new DevIssuerSettings(true, "http://localhost:8080", Duration.ofMinutes(15), null);

    private final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    private final ObjectProvider<DevIssuerKey> noKey = beans.getBeanProvider(DevIssuerKey.class);
    private final ObjectProvider<Clock> noClock = beans.getBeanProvider(Clock.class);

    @Test
    void anExternalIssuerMustBeNamedWhenTheDevelopmentIssuerIsOff() {
        assertThatThrownBy(() -> new SecurityConfiguration()
                        .jwtDecoder(SECURITY, DEV_ISSUER_OFF, noKey, new OAuth2ResourceServerProperties(), noClock))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri");
    }

    @Test
    void theDevelopmentIssuerAndAnExternalIssuerCannotBothBeTrusted() {
        OAuth2ResourceServerProperties external = external("https://idp.example", null);

        assertThatThrownBy(
                        () -> new SecurityConfiguration().jwtDecoder(SECURITY, DEV_ISSUER_ON, noKey, external, noClock))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("interdict.dev-issuer.enabled");
    }

    @Test
    void anExternalIssuersDecoderRefusesGarbageWithoutFetchingKeys() {
        JwtDecoder decoder = new SecurityConfiguration()
                .jwtDecoder(
                        SECURITY,
                        DEV_ISSUER_OFF,
                        noKey,
                        external("https://idp.invalid", "https://idp.invalid/jwks"),
                        noClock);

        assertThatThrownBy(() -> decoder.decode("garbage")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("eyJhbGciOiJub25lIn0.e30.")).isInstanceOf(BadJwtException.class);
        assertThat(decoder).isInstanceOf(VerifyingJwtDecoder.class);
    }

    private static OAuth2ResourceServerProperties external(String issuer, String jwkSetUri) {
        OAuth2ResourceServerProperties properties = new OAuth2ResourceServerProperties();
        properties.getJwt().setIssuerUri(issuer);
        properties.getJwt().setJwkSetUri(jwkSetUri);
        return properties;
    }
}
