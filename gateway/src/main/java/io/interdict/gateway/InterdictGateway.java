package io.interdict.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The gateway's entry point: {@code java -jar gateway/target/interdict-gateway.jar}. */
@SpringBootApplication
@ConfigurationPropertiesScan(basePackages = {"io.interdict.gateway", "io.interdict.config"})
public class InterdictGateway {

    public static void main(String[] args) {
        SpringApplication.run(InterdictGateway.class, args);
    }
}
