package io.interdict.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.GatewayIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The errors Spring MVC raises before a controller runs (no such endpoint, wrong method, wrong media
 * type, unacceptable representation) leave as RFC 9457 problems of our own types: the status member
 * equals the HTTP status (§3.1.2), one title per type whatever the occurrence (§3.1.3), and a detail
 * in our words rather than the framework's.
 */
class MvcProblemsIT extends GatewayIntegrationTest {

    @LocalServerPort
    int port;

    ApiClient api;
    String token;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        token = api.token("amazon");
    }

    @Test
    void anUnknownEndpointIsANoSuchEndpointProblemThatNamesTheRequestNotTheFramework() throws Exception {
        JsonNode problem = problem(send(request("/api/v1/nope").GET()), 404, "no-such-endpoint");
        assertThat(problem.get("title").asText()).isEqualTo("No such endpoint");
        assertThat(problem.get("detail").asText())
                .isEqualTo("no endpoint answers GET /api/v1/nope")
                .doesNotContainIgnoringCase("static")
                .doesNotContainIgnoringCase("resource");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/nope");

        JsonNode again = problem(send(request("/api/v1/shares/x/y/z").GET()), 404, "no-such-endpoint");
        assertThat(again.get("title").asText()).isEqualTo(problem.get("title").asText());
    }

    @Test
    void aWrongMethodIs405WithTheAllowedMethodsInTheAllowHeaderAndTheDetail() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/shares").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        JsonNode problem = problem(response, 405, "method-not-allowed");
        assertThat(response.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
        assertThat(problem.get("detail").asText()).isEqualTo("PUT is not allowed here; allowed: POST");
        assertThat(problem.get("title").asText()).isEqualTo("Method not allowed");
    }

    @Test
    void aBodyThatIsNotJsonIs415NamingWhatWasSentOrThatNothingWas() throws Exception {
        JsonNode none = problem(
                send(request("/api/v1/shares").POST(HttpRequest.BodyPublishers.ofString("{}"))),
                415,
                "unsupported-media-type");
        assertThat(none.get("detail").asText()).isEqualTo("Content-Type: expected application/json; none was sent");

        JsonNode text = problem(
                send(request("/api/v1/shares")
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("kind=x"))),
                415,
                "unsupported-media-type");
        assertThat(text.get("detail").asText()).isEqualTo("Content-Type: expected application/json; found text/plain");
        assertThat(text.get("title").asText()).isEqualTo(none.get("title").asText());
    }

    @Test
    void anUnacceptableAcceptHeaderIs406OfItsOwnType() throws Exception {
        JsonNode problem = problem(
                send(request("/api/v1/feed").header("Accept", "application/xml").GET()), 406, "not-acceptable");
        assertThat(problem.get("title").asText()).isEqualTo("No acceptable representation");
        assertThat(problem.get("detail").asText()).startsWith("Accept: this endpoint answers application/json");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response, int status, String type) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = ApiClient.JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:interdict:problem:" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }
}
