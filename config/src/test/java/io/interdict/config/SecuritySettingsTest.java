package io.interdict.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Defaults and refusals of {@code interdict.security.*} and {@code interdict.dev-issuer.*}. */
class SecuritySettingsTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void defaultsAreSafeAndValid() {
        SecuritySettings security = bind("interdict.security", SecuritySettings.class, Map.of());
        DevIssuerSettings devIssuer = bind("interdict.dev-issuer", DevIssuerSettings.class, Map.of());

        assertThat(security.partnerClaim()).isEqualTo("sub");
        assertThat(security.audience()).isEqualTo("interdict-gateway");
        assertThat(security.algorithms()).containsExactly("RS256", "ES256");
        assertThat(security.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(security.maxTokenBytes()).isEqualTo(8192);
        assertThat(devIssuer.enabled()).isTrue();
        assertThat(devIssuer.issuer()).isEqualTo("http://localhost:8080");
        assertThat(devIssuer.tokenTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(VALIDATOR.validate(security)).isEmpty();
        assertThat(VALIDATOR.validate(devIssuer)).isEmpty();
    }

    @Test
    void noneAndHmacAlgorithmsCannotBeAllowed() {
        for (String algorithm : List.of("none", "HS256", "HS512", "rs256")) {
            SecuritySettings settings = bind(
                    "interdict.security", SecuritySettings.class, Map.of("interdict.security.algorithms", algorithm));

            assertThat(violations(settings))
                    .as(algorithm)
                    .singleElement()
                    .asString()
                    .startsWith("algorithms[0]");
        }
    }

    @Test
    void aClockSkewAboveAMinuteIsRefused() {
        SecuritySettings settings =
                bind("interdict.security", SecuritySettings.class, Map.of("interdict.security.clock-skew", "61s"));

        assertThat(violations(settings)).containsExactly("clockSkewWithinAMinute");
    }

    @Test
    void aTokenSizeLimitAboveWhatTheServerReadsIsRefused() {
        SecuritySettings settings = bind(
                "interdict.security", SecuritySettings.class, Map.of("interdict.security.max-token-bytes", "65536"));

        assertThat(violations(settings)).containsExactly("maxTokenBytes");
    }

    @Test
    void aDevIssuerThatIsNotAnHttpUrlIsRefused() {
        DevIssuerSettings settings = bind(
                "interdict.dev-issuer", DevIssuerSettings.class, Map.of("interdict.dev-issuer.issuer", "localhost"));

        assertThat(violations(settings)).containsExactly("issuer");
    }

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
    }

    private static <T> Set<String> violations(T settings) {
        return VALIDATOR.validate(settings).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }
}
