package io.interdict.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings under the {@code interdict} prefix. Standard Spring properties
 * ({@code spring.datasource.*}, {@code server.port}, {@code spring.security.oauth2.*}) are not
 * repeated here.
 *
 * @param dataDir where the gateway keeps what must survive a restart: the embedded PostgreSQL's
 *     data (when no {@code spring.datasource.url} is set) and generated key files.
 */
@Validated
@ConfigurationProperties(prefix = "interdict")
public record InterdictSettings(
        @NotNull @DefaultValue("./data") Path dataDir) {}
