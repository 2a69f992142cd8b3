package io.interdict.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Submitter signatures (PRODUCT.md §4: a provider "may — and, where the deployment says so, must —
 * sign" what it pushes).
 *
 * @param required when true, a push or amendment without an {@code Interdict-Signature} header is
 *     refused and nothing is stored
 */
@Validated
@ConfigurationProperties(prefix = "interdict.signatures")
public record SignatureSettings(@DefaultValue("false") boolean required) {}
