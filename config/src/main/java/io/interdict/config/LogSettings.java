package io.interdict.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway extends the Merkle log (PRODUCT.md §5): one writer at a time across all nodes,
 * in short transactions.
 *
 * @param appendInterval pause between two append rounds on each node
 * @param batchSize most events turned into leaves by one round (one transaction)
 * @param treeHeadInterval least time between two signed tree heads; a head is signed only when the
 *     log grew since the last one
 * @param gapHorizon how long an event transaction may hold a global index before committing and still
 *     be found by the writer's bounded scan; must exceed the longest event transaction (statement and
 *     idle-in-transaction timeouts are 30 s, Axon's own gap timeout is 60 s)
 */
@Validated
@ConfigurationProperties(prefix = "interdict.log")
public record LogSettings(
        @NotNull @DefaultValue("500ms") Duration appendInterval,
        @Positive @Max(10_000) @DefaultValue("1000") int batchSize,
        @NotNull @DefaultValue("2s") Duration treeHeadInterval,
        @NotNull @DefaultValue("2m") Duration gapHorizon) {}
