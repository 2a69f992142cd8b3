package io.interdict.gateway.security;

import io.interdict.config.DevIssuerSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The stand-in {@link PartnerStatuses} until the partner read model exists. It is an
 * auto-configuration (listed in {@code META-INF/spring/…AutoConfiguration.imports}) because
 * {@code @ConditionalOnMissingBean} is only reliable there: auto-configurations are processed after
 * the application's own beans, so any {@code PartnerStatuses} bean the application declares
 * replaces this one. With the development issuer on, its demo partners are enrolled; otherwise
 * nobody is, and every {@code /api/v1} request is refused (deny by default).
 */
@AutoConfiguration
public class DefaultPartnerStatusesConfiguration {

    @Bean
    @ConditionalOnMissingBean(PartnerStatuses.class)
    InMemoryPartnerStatuses inMemoryPartnerStatuses(DevIssuerSettings devIssuer) {
        InMemoryPartnerStatuses statuses = new InMemoryPartnerStatuses();
        if (devIssuer.enabled()) {
            DevClients.ALL.forEach(client -> statuses.put(new PartnerStatus(client.clientId(), client.kind(), false)));
        }
        return statuses;
    }
}
