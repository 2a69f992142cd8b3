package io.interdict.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Defaults and refusals of {@code interdict.processors.*}. */
class ProcessorSettingsTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void defaults() {
        ProcessorSettings settings = bind(Map.of());

        assertThat(settings.claimInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.claimExtension()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.balanceInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.batchSize()).isEqualTo(100);
        assertThat(settings.initialSegments()).isEqualTo(4);
        assertThat(violations(settings)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "257"})
    void aSegmentCountOutsideOneTo256IsRefused(String segments) {
        ProcessorSettings settings = bind(Map.of("interdict.processors.initial-segments", segments));

        assertThat(violations(settings)).containsExactly("initialSegments");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "16", "256"})
    void aSegmentCountFromOneTo256IsTaken(String segments) {
        ProcessorSettings settings = bind(Map.of("interdict.processors.initial-segments", segments));

        assertThat(settings.initialSegments()).isEqualTo(Integer.parseInt(segments));
        assertThat(violations(settings)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001"})
    void aBatchSizeOutsideOneTo1000IsRefused(String batchSize) {
        ProcessorSettings settings = bind(Map.of("interdict.processors.batch-size", batchSize));

        assertThat(violations(settings)).containsExactly("batchSize");
    }

    private static ProcessorSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("interdict.processors", ProcessorSettings.class);
    }

    private static Set<String> violations(ProcessorSettings settings) {
        return VALIDATOR.validate(settings).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }
}
