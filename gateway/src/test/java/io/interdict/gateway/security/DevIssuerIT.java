package io.interdict.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import io.interdict.gateway.startup.DataDirectory;
import io.interdict.gateway.support.GatewayIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The built-in development issuer: demo clients, their scopes, and the tokens it mints (PRODUCT.md §6). */
class DevIssuerIT extends GatewayIntegrationTest {

    static final Map<String, Set<String>> DEMO_SCOPES = Map.of(
            "amazon", Set.of("shares:write", "shares:read", "keys:manage", "investigations:read"),
            "dhl", Set.of("shares:write", "shares:read", "keys:manage", "investigations:read", "inspections:execute"),
            "ipr-center",
                    Set.of(
                            "shares:read",
                            "inspections:request",
                            "investigations:write",
                            "investigations:read",
                            "keys:manage"),
            "cbp", Set.of("shares:read", "inspections:request", "inspections:execute", "keys:manage"),
            "auditor", Set.of("audit:read", "shares:read", "investigations:read"),
            "operator", Set.of("admin"));

    @LocalServerPort
    int port;

    @Autowired
    DevIssuerKey issuerKey;

    @Autowired
    DataDirectory dataDirectory;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void everyDemoClientGetsATokenThatAuthenticatesWithItsScopes() {
        DEMO_SCOPES.forEach((clientId, scopes) -> {
            for (String token : new String[] {Tokens.fetch(http, clientId), Tokens.fetchWithPost(http, clientId)}) {
                HttpResponse<String> response = http.getWithBearer("/api/v1/test/whoami", token);

                assertThat(response.statusCode())
                        .as(clientId + ": " + response.body())
                        .isEqualTo(200);
                JsonNode whoami = Http.json(response);
                assertThat(whoami.get("partnerId").asText()).isEqualTo(clientId);
                Set<String> granted = new TreeSet<>();
                whoami.get("scopes").forEach(scope -> granted.add(scope.asText()));
                assertThat(granted).as(clientId).isEqualTo(scopes);
            }
        });
    }

    @Test
    void accessTokensAreRs256JwtsForTheGatewayNamingTheClient() throws Exception {
        HttpResponse<String> response =
                http.postForm("/oauth2/token", "grant_type=client_credentials", "cbp", "cbp-dev-secret");
        JsonNode body = Http.json(response);

        SignedJWT jwt = SignedJWT.parse(body.get("access_token").asText());

        assertThat(body.get("token_type").asText()).isEqualToIgnoringCase("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(880L, 900L);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(issuerKey.signingKey().getKeyID());
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("http://localhost:8080");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("cbp");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("interdict-gateway");
        assertThat(Duration.between(
                        jwt.getJWTClaimsSet().getIssueTime().toInstant(),
                        jwt.getJWTClaimsSet().getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aClientAskingForFewerScopesGetsOnlyThose() {
        HttpResponse<String> response = http.postForm(
                "/oauth2/token", "grant_type=client_credentials&scope=shares:read", "amazon", "amazon-dev-secret");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("scope").asText()).isEqualTo("shares:read");
    }

    @Test
    void aClientAskingForAScopeItWasNotGivenIsRefused() {
        HttpResponse<String> response = http.postForm(
                "/oauth2/token", "grant_type=client_credentials&scope=admin", "amazon", "amazon-dev-secret");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void aWrongClientSecretIsRefused() {
        HttpResponse<String> basic =
                http.postForm("/oauth2/token", "grant_type=client_credentials", "amazon", "dhl-dev-secret");
        HttpResponse<String> post = http.postForm(
                "/oauth2/token", "grant_type=client_credentials&client_id=amazon&client_secret=wrong", null, null);
        HttpResponse<String> unknown =
                http.postForm("/oauth2/token", "grant_type=client_credentials", "mallory", "mallory-dev-secret");

        for (HttpResponse<String> response : java.util.List.of(basic, post, unknown)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(Http.json(response).get("error").asText()).isEqualTo("invalid_client");
            assertThat(response.body()).doesNotContain("access_token");
        }
    }

    @Test
    void theIssuersKeySetPublishesThePublicKeyOnly() {
        HttpResponse<String> response = http.get("/oauth2/jwks");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode key = Http.json(response).get("keys").get(0);
        assertThat(key.get("kid").asText()).isEqualTo(issuerKey.signingKey().getKeyID());
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        for (String privatePart : new String[] {"d", "p", "q", "dp", "dq", "qi"}) {
            assertThat(key.has(privatePart)).as(privatePart).isFalse();
        }
    }

    @Test
    void theIssuersKeyIsKeptInTheDataDirectoryReadableByItsOwnerOnly() throws Exception {
        Path file = dataDirectory.resolve("keys/dev-issuer-rsa.pem");

        assertThat(file).exists();
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(issuerKey.signingKey().size()).isEqualTo(3072);
    }
}
