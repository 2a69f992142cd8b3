package io.interdict.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.domain.common.Actor;
import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.partner.EnrolPartner;
import io.interdict.domain.partner.ReinstatePartner;
import io.interdict.domain.partner.SuspendPartner;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.support.GatewayIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * After authentication: scopes (403 with {@code insufficient_scope}), enrolment and suspension (403
 * naming the reason), public endpoints, and deny by default for everything else.
 */
class PartnerAuthorizationIT extends GatewayIntegrationTest {

    private static final Actor OPERATOR = Actor.of("operator", PartnerKind.OPERATOR);

    private static final String SUSPENDED = "suspended-provider";
    private static final String NEVER_ENROLLED = "never-enrolled";

    @LocalServerPort
    int port;

    @Autowired
    DevIssuerKey issuerKey;

    @Autowired
    CommandGateway commands;

    @Autowired
    PartnerRegistry registry;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        if (registry.find(SUSPENDED).isEmpty()) {
            commands.sendAndWait(new EnrolPartner(
                    SUSPENDED, PartnerKind.SIGNAL_PROVIDER, "A suspended provider", Set.of(), OPERATOR));
            commands.sendAndWait(new SuspendPartner(SUSPENDED, "test: suspended from the start", OPERATOR));
        }
    }

    @Test
    void aTokenWithTheRequiredScopeIsAllowed() {
        HttpResponse<String> response = http.getWithBearer("/api/v1/test/shares-write", Tokens.fetch(http, "amazon"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).get("partnerId").asText()).isEqualTo("amazon");
    }

    @Test
    void aTokenWithoutTheRequiredScopeIsForbidden() {
        HttpResponse<String> response = http.getWithBearer("/api/v1/test/shares-write", Tokens.fetch(http, "auditor"));

        assertForbiddenProblem(response, "insufficient-scope", "scopes");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .get()
                .asString()
                .contains("error=\"insufficient_scope\"");
    }

    @Test
    void aSuspendedPartnerIsForbiddenEvenWithTheRightScope() {
        String token = partnerToken(SUSPENDED, "shares:write shares:read");

        assertForbiddenProblem(
                http.getWithBearer("/api/v1/test/shares-write", token),
                "not-permitted",
                "partner " + SUSPENDED + " is suspended");
        assertForbiddenProblem(
                http.getWithBearer("/api/v1/test/whoami", token),
                "not-permitted",
                "partner " + SUSPENDED + " is suspended");
    }

    @Test
    void aSuspensionTakesEffectOnTheNextRequest() {
        String token = Tokens.fetch(http, "dhl");
        assertThat(http.getWithBearer("/api/v1/test/whoami", token).statusCode())
                .isEqualTo(200);

        commands.sendAndWait(new SuspendPartner("dhl", "test: suspension takes effect at once", OPERATOR));
        try {
            assertForbiddenProblem(
                    http.getWithBearer("/api/v1/test/whoami", token), "not-permitted", "partner dhl is suspended");
        } finally {
            commands.sendAndWait(new ReinstatePartner("dhl", "test: reinstated", OPERATOR));
        }
        assertThat(http.getWithBearer("/api/v1/test/whoami", token).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPartnerThatIsNotEnrolledIsForbidden() {
        String token = partnerToken(NEVER_ENROLLED, "shares:write shares:read admin");

        assertForbiddenProblem(
                http.getWithBearer("/api/v1/test/whoami", token),
                "not-permitted",
                "partner " + NEVER_ENROLLED + " is not enrolled");
    }

    @Test
    void thePartnerIsTakenFromTheTokenNeverFromRequestParameters() {
        HttpResponse<String> response =
                http.getWithBearer("/api/v1/test/whoami?partnerId=operator&scopes=admin", Tokens.fetch(http, "amazon"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("partnerId").asText()).isEqualTo("amazon");
        assertThat(response.body()).doesNotContain("admin");
    }

    @Test
    void publicEndpointsNeedNoToken() {
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(http.get("/v3/api-docs").statusCode()).isEqualTo(200);
        // The key set endpoint is not built yet: it is let through (404), not refused (401).
        assertThat(http.get("/api/v1/keys").statusCode()).isNotIn(401, 403);
    }

    @Test
    void anyOtherPathIsDeniedByDefault() {
        String operator = Tokens.fetch(http, "operator");
        for (String path : new String[] {"/", "/anything", "/actuator/env", "/actuator/heapdump", "/api/v2/shares"}) {
            HttpResponse<String> anonymous = http.get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            HttpResponse<String> denied = http.getWithBearer(path, operator);
            assertThat(denied.statusCode()).as(path).isEqualTo(403);
            assertThat(denied.body())
                    .as(path)
                    .contains("urn:interdict:problem:not-permitted")
                    .contains("nothing at GET " + path + " is served to partners")
                    .doesNotContain("scope");
        }
    }

    @Test
    void anUnknownApiPathNeedsAnEnrolledPartnerBeforeItIsNotFound() {
        assertThat(http.get("/api/v1/no-such-thing").statusCode()).isEqualTo(401);
        assertThat(http.getWithBearer("/api/v1/no-such-thing", partnerToken(NEVER_ENROLLED, "admin"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.getWithBearer("/api/v1/no-such-thing", Tokens.fetch(http, "amazon"))
                        .statusCode())
                .isEqualTo(404);
    }

    private String partnerToken(String partnerId, String scopes) {
        return Tokens.signRs256(
                issuerKey.signingKey(),
                issuerKey.signingKey().getKeyID(),
                Tokens.validClaims(partnerId, scopes.split(" ")).build());
    }

    private static void assertForbiddenProblem(HttpResponse<String> response, String type, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("type").asText()).isEqualTo("urn:interdict:problem:" + type);
        assertThat(problem.get("title").asText())
                .isEqualTo(
                        type.equals("not-permitted")
                                ? "The partner may not do this"
                                : "The token's scopes do not allow this request");
        assertThat(problem.get("detail").asText()).contains(detail);
    }
}
