package io.interdict.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A partner's view of the running gateway in tests: tokens from the built-in issuer (cached per
 * client), and JSON requests sent exactly as given.
 */
public final class ApiClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response: status, headers and body. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** Uses {@code token} for {@code clientId} from now on, for partners the built-in issuer has no client for. */
    public static void useToken(String clientId, String token) {
        TOKENS.put(clientId, token);
    }

    public String token(String clientId) {
        return TOKENS.computeIfAbsent(clientId, id -> {
            String basic = Base64.getEncoder()
                    .encodeToString((id + ":" + id + "-dev-secret").getBytes(StandardCharsets.UTF_8));
            Response response = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
            if (response.status() != 200) {
                throw new IllegalStateException("no token for " + id + ": " + response.body());
            }
            return response.json().get("access_token").asText();
        });
    }

    public Response get(String clientId, String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (clientId != null) {
            request.header("Authorization", "Bearer " + token(clientId));
        }
        return send(request);
    }

    /** A GET with a bearer token given as is (e.g. one forged for a test). */
    public Response getWithToken(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    public Response delete(String clientId, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token(clientId))
                .DELETE());
    }

    public Response post(String clientId, String path, String body) {
        return post(clientId, path, body, Map.of());
    }

    public Response post(String clientId, String path, String body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Type", "application/json");
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        all.forEach(request::header);
        if (clientId != null) {
            request.header("Authorization", "Bearer " + token(clientId));
        }
        return send(request);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
