package io.interdict.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Tokens for tests: fetched from the development issuer, or forged with nimbus-jose-jwt. */
final class Tokens {

    static final String ISSUER = "http://localhost:8080";
    static final String AUDIENCE = "interdict-gateway";

    private Tokens() {}

    /** An access token from {@code POST /oauth2/token}, client_secret_basic. */
    static String fetch(Http http, String clientId) {
        HttpResponse<String> response =
                http.postForm("/oauth2/token", "grant_type=client_credentials", clientId, clientId + "-dev-secret");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).get("access_token").asText();
    }

    /** An access token from {@code POST /oauth2/token}, client_secret_post. */
    static String fetchWithPost(Http http, String clientId) {
        HttpResponse<String> response = http.postForm(
                "/oauth2/token",
                "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                        + encode(clientId + "-dev-secret"),
                null,
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).get("access_token").asText();
    }

    /** Claims the gateway accepts, for a partner and scopes. */
    static JWTClaimsSet.Builder validClaims(String partnerId, String... scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(partnerId)
                .audience(List.of(AUDIENCE))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("scope", String.join(" ", scopes));
    }

    static String signRs256(RSAKey key, String kid, JWTClaimsSet claims) {
        try {
            return sign(
                    new RSASSASigner(key),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                    claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
