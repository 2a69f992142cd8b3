package io.interdict.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the partners and agreements a deployment starts with come from.
 *
 * @param location a Spring resource location (classpath:…, file:…) of a bootstrap file in the
 *     format of {@link io.interdict.config.bootstrap.BootstrapFile}; empty to enrol nothing.
 */
@Validated
@ConfigurationProperties(prefix = "interdict.bootstrap")
public record BootstrapSettings(
        @DefaultValue("classpath:bootstrap/demo-partners.yml")
        String location) {}
