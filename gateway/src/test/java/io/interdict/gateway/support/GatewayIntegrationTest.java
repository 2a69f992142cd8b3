package io.interdict.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests that share one running gateway (one Spring context for the whole
 * suite: every subclass must keep the same configuration so the context cache is hit). The gateway
 * runs on a random port over a fresh data directory, with the embedded PostgreSQL by default or the
 * database named by {@code SPRING_DATASOURCE_URL}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ProbeProjection.class, SecurityProbeEndpoints.class, StreamProbeEndpoints.class})
public abstract class GatewayIntegrationTest {

    private static final Path DATA_DIR = createDataDir();

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("interdict.data-dir", DATA_DIR::toString);
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("interdict-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
