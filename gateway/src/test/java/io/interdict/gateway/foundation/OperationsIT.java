package io.interdict.gateway.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import io.interdict.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Liveness, readiness with the database, Prometheus and the OpenAPI document; nothing else exposed. */
class OperationsIT extends GatewayIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    HealthEndpointGroups healthGroups;

    @Test
    void healthIsUp() {
        ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void livenessAndReadinessProbesAreUp() {
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getBody())
                .contains("\"status\":\"UP\"");
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getBody())
                .contains("\"status\":\"UP\"");
    }

    @Test
    void readinessIncludesTheDatabase() {
        assertThat(healthGroups.get("readiness").isMember("db")).isTrue();
        assertThat(healthGroups.get("liveness").isMember("db")).isFalse();
    }

    @Test
    void prometheusMetricsArePublished() {
        ResponseEntity<String> response = http.getForEntity("/actuator/prometheus", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void noOtherActuatorEndpointIsExposed() {
        for (String endpoint : new String[] {"env", "beans", "configprops", "heapdump", "threaddump", "loggers"}) {
            // Refused before routing: every path not explicitly opened is denied (401 without a token).
            assertThat(http.getForEntity("/actuator/" + endpoint, String.class).getStatusCode())
                    .as(endpoint)
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void anOpenApiDocumentIsServed() {
        ResponseEntity<String> response = http.getForEntity("/v3/api-docs", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"openapi\":\"3.");
    }
}
