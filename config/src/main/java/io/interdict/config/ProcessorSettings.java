package io.interdict.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the pooled streaming event processors share their segments between gateway nodes through the
 * token store (PRODUCT.md §6: several nodes on one PostgreSQL). A node that stops releases its
 * claims; a node that dies keeps them until Axon's claim timeout
 * ({@code axon.eventhandling.tokenstore.claim-timeout}, 5 s here) expires, then another node claims them.
 *
 * @param claimInterval how often a node looks for unclaimed (or expired) segments to claim
 * @param claimExtension how often a node renews the claims it holds while it has nothing to process;
 *     must be well below the claim timeout, or a live node's claims expire and are stolen
 * @param balanceInterval how often a node compares the segments it holds with its fair share (all
 *     segments divided by the nodes connected to the database) and releases the excess
 * @param batchSize how many of a segment's queued events a processor handles in one transaction
 *     (one read-model commit and one token update for all of them); events are never held back to
 *     fill a batch
 * @param initialSegments how many segments a processor's event stream is split into when its tokens
 *     are first created (an existing token store keeps the segments it has); each node works at
 *     most its fair share of them, so it bounds how many nodes can share a processor's work
 */
@Validated
@ConfigurationProperties(prefix = "interdict.processors")
public record ProcessorSettings(
        @NotNull @DefaultValue("1s") Duration claimInterval,
        @NotNull @DefaultValue("1s") Duration claimExtension,
        @NotNull @DefaultValue("2s") Duration balanceInterval,
        @DefaultValue("100") @Min(1) @Max(1000) int batchSize,
        @DefaultValue("4") @Min(1) @Max(256) int initialSegments) {}
