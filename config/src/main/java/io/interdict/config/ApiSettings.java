package io.interdict.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and waits of the HTTP API (PRODUCT.md §7).
 *
 * @param maxBodySize the largest request body accepted by any {@code /api/v1} endpoint but the batch
 *     push; larger bodies are refused with 413 before they are parsed
 * @param maxBatchBodySize the largest body of {@code POST /api/v1/shares/batch} (up to 500 shares)
 * @param readModelWait how long an admin endpoint waits for the sharing-agreement read model to show
 *     the change it just made before answering, so that the next push already sees it
 */
@Validated
@ConfigurationProperties(prefix = "interdict.api")
public record ApiSettings(
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @NotNull @DefaultValue("16MB") DataSize maxBatchBodySize,
        @NotNull @DefaultValue("10s") Duration readModelWait) {}
