package io.interdict.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import io.interdict.gateway.startup.DataDirectory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: with no {@code spring.datasource.url}, the gateway starts its own
 * PostgreSQL under {@code interdict.data-dir}/postgres. Boot's DataSource auto-configuration backs
 * off because a DataSource bean exists; Flyway, JPA, Axon and the health check use this one.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DataDirectory dataDirectory) {
        return EmbeddedDatabase.start(dataDirectory.resolve("postgres"));
    }

    /** Pool settings under {@code spring.datasource.hikari.*} apply here as they do to an external database. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(EmbeddedDatabase.USER);
        dataSource.setPoolName("interdict-embedded");
        return dataSource;
    }
}
