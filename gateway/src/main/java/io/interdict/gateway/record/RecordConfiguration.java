package io.interdict.gateway.record;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the notary on the event store, so no event can be stored unsigned, and the subscriber
 * through which a write answers with the records it appended ({@link AppendedRecords}).
 */
@Configuration(proxyBeanMethods = false)
class RecordConfiguration {

    @Bean
    ConfigurerModule notariseEveryEvent(SignedRecords records, GatewaySigningKey key) {
        RecordNotary notary = new RecordNotary(records, key);
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(
                Integer.MIN_VALUE, () -> configuration.eventStore().registerDispatchInterceptor(notary)));
    }

    @Bean
    ConfigurerModule answerWithAppendedRecords(AppendedRecords appended) {
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(
                Integer.MIN_VALUE, () -> configuration.eventStore().subscribe(appended.subscriber())));
    }
}
