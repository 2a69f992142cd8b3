package io.interdict.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.interdict.audit.jose.DetachedJws;
import io.interdict.audit.jose.Ed25519KeyPair;
import io.interdict.audit.jose.Signer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway as partners see it: the JDK HTTP client (HTTP/1.1, kept-alive connections), bearer
 * tokens from the built-in development issuer cached per client until shortly before they expire,
 * and one registered Ed25519 signing key per provider.
 */
final class GatewayClient {

    private static final String COMPILATION_METRIC = "jvm_compilation_time_ms_total";

    /** A response: status and body. */
    record Response(int status, byte[] body) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record CachedToken(String value, long expiresAtNanos) {}

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, Signer> signers = new ConcurrentHashMap<>();

    GatewayClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A bearer token of the dev client {@code clientId} (secret {@code <id>-dev-secret}). */
    String token(String clientId) {
        CachedToken cached = tokens.get(clientId);
        if (cached != null && System.nanoTime() < cached.expiresAtNanos()) {
            return cached.value();
        }
        return tokens.compute(clientId, (id, old) -> {
                    if (old != null && System.nanoTime() < old.expiresAtNanos()) {
                        return old;
                    }
                    return fetchToken(id);
                })
                .value();
    }

    private CachedToken fetchToken(String clientId) {
        String basic = Base64.getEncoder()
                .encodeToString((clientId + ":" + clientId + "-dev-secret").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            Response response = send(request);
            if (response.status() != 200) {
                throw new IllegalStateException(
                        "no token for " + clientId + ": " + response.status() + " " + response.text());
            }
            JsonNode json = response.json();
            long lifetime = json.path("expires_in").asLong(300);
            // Renew 30 s early, so that no request of a phase carries a token about to expire.
            long renewIn = Math.max(10, lifetime - 30);
            return new CachedToken(
                    json.get("access_token").asText(),
                    System.nanoTime() + Duration.ofSeconds(renewIn).toNanos());
        } catch (IOException e) {
            throw new IllegalStateException("no token for " + clientId, e);
        }
    }

    /** Registers a fresh Ed25519 key for {@code provider} ({@code POST /api/v1/partners/me/keys}). */
    void registerSigningKey(String provider) throws IOException {
        Ed25519KeyPair pair = Ed25519KeyPair.generate(new SecureRandom());
        String kid = provider + "-bench-" + Long.toHexString(System.nanoTime());
        Response registered = post(
                provider,
                "/api/v1/partners/me/keys",
                MAPPER.writeValueAsBytes(pair.publicJwk(kid).toJson()),
                Map.of());
        if (registered.status() != 201) {
            throw new IllegalStateException(
                    "registering a key for " + provider + ": " + registered.status() + " " + registered.text());
        }
        signers.put(provider, pair.signer(kid));
    }

    /** The detached JWS of {@code provider}'s registered key over {@code canonicalBody}. */
    String sign(String provider, byte[] canonicalBody) {
        Signer signer = signers.get(provider);
        if (signer == null) {
            throw new IllegalStateException("no signing key registered for " + provider);
        }
        return DetachedJws.sign(canonicalBody, signer);
    }

    Response post(String clientId, String path, byte[] json, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token(clientId))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(request::header);
        return send(request.build());
    }

    Response get(String clientId, String pathAndQuery) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token(clientId))
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    /**
     * Milliseconds the gateway's JIT compilers have spent so far, as its Prometheus endpoint reports
     * them ({@code jvm_compilation_time_ms_total}, Micrometer's JVM compilation metric); empty when
     * the gateway does not publish it.
     */
    OptionalDouble compilationMillis() throws IOException {
        Response response = send(HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
        if (response.status() != 200) {
            return OptionalDouble.empty();
        }
        return new String(response.body(), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.startsWith(COMPILATION_METRIC + "{") || line.startsWith(COMPILATION_METRIC + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .reduce(Double::sum);
    }

    /** Streams the response body of a GET into {@code file}; answers the status. */
    int download(String clientId, String pathAndQuery, Path file) throws IOException {
        try {
            HttpResponse<Path> response = http.send(
                    HttpRequest.newBuilder(base.resolve(pathAndQuery))
                            .timeout(Duration.ofMinutes(30))
                            .header("Authorization", "Bearer " + token(clientId))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofFile(file));
            return response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private Response send(HttpRequest request) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
