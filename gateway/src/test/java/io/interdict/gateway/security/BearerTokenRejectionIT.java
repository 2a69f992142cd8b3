package io.interdict.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import io.interdict.gateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every token the gateway must refuse is answered 401 with an RFC 9457 problem and an RFC 6750
 * challenge, never a 5xx, and never echoes the token (PRODUCT.md §7).
 */
class BearerTokenRejectionIT extends GatewayIntegrationTest {

    private static final String WHOAMI = "/api/v1/test/whoami";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @LocalServerPort
    int port;

    @Autowired
    DevIssuerKey issuerKey;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void noTokenIsAnsweredWithABareBearerChallenge() {
        HttpResponse<String> response = http.get(WHOAMI);

        assertUnauthorizedProblem(response, null);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"interdict\"");
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = encode(Tokens.validClaims("operator", "admin").build().toString());

        for (String token : List.of(header + "." + payload + ".", header + "." + payload)) {
            assertInvalidToken(http.getWithBearer(WHOAMI, token), token);
        }
    }

    @Test
    void anHs256TokenKeyedWithTheIssuersPublicKeyIsRefused() throws Exception {
        RSAKey publicKey = issuerKey.signingKey().toPublicJWK();
        byte[] der = publicKey.toRSAPublicKey().getEncoded();
        byte[] pem = ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                        + "\n-----END PUBLIC KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] jwkJson = publicKey.toJSONString().getBytes(StandardCharsets.UTF_8);

        for (byte[] secret : List.of(der, pem, jwkJson)) {
            String token = Tokens.sign(
                    new MACSigner(secret),
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(publicKey.getKeyID())
                            .build(),
                    Tokens.validClaims("operator", "admin").build());
            assertInvalidToken(http.getWithBearer(WHOAMI, token), token);
        }
    }

    @Test
    void aTokenSignedByAStrangersRsaKeyUnderTheIssuersKidIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).generate();

        String token = Tokens.signRs256(
                stranger,
                issuerKey.signingKey().getKeyID(),
                Tokens.validClaims("amazon", "shares:write").build());

        assertInvalidToken(http.getWithBearer(WHOAMI, token), token);
    }

    @Test
    void anEs256TokenFromAStrangersKeyIsRefused() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).generate();

        String token = Tokens.sign(
                new ECDSASigner(stranger),
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(issuerKey.signingKey().getKeyID())
                        .build(),
                Tokens.validClaims("amazon", "shares:write").build());

        assertInvalidToken(http.getWithBearer(WHOAMI, token), token);
    }

    @Test
    void aTokenCarryingItsOwnKeyInJwkOrJkuIsNotTrusted() throws Exception {
        // RFC 8725 §3.10 / the embedded-key attack: the key a token names for itself is never used.
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        String token = Tokens.sign(
                new RSASSASigner(stranger),
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("stranger")
                        .jwk(stranger.toPublicJWK())
                        .jwkURL(URI.create("http://localhost:" + port + "/api/v1/keys"))
                        .build(),
                Tokens.validClaims("operator", "admin").build());

        assertInvalidToken(http.getWithBearer(WHOAMI, token), token);
    }

    @Test
    void aTokenWithACriticalHeaderTheGatewayDoesNotUnderstandIsRefused() {
        // RFC 7515 §4.1.11: signed by the issuer's own key, but "crit" names an extension we do not
        // implement, so the token must be rejected.
        String token = Tokens.sign(
                rsaSigner(issuerKey.signingKey()),
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(issuerKey.signingKey().getKeyID())
                        .customParam("urn:example:must-understand", true)
                        .criticalParams(java.util.Set.of("urn:example:must-understand"))
                        .build(),
                Tokens.validClaims("amazon", "shares:read").build());

        assertInvalidToken(http.getWithBearer(WHOAMI, token), token);
    }

    private static RSASSASigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTokenWhosePayloadWasTamperedWithIsRefused() throws Exception {
        String genuine = Tokens.fetch(http, "auditor");
        String[] parts = genuine.split("\\.");
        ObjectNode claims =
                (ObjectNode) Http.JSON_MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("sub", "operator");
        claims.putArray("scope").add("admin");
        String tampered = parts[0] + "." + encode(claims.toString()) + "." + parts[2];

        assertThat(http.getWithBearer(WHOAMI, genuine).statusCode()).isEqualTo(200);
        assertInvalidToken(http.getWithBearer(WHOAMI, tampered), tampered);
    }

    @Test
    void aTokenAlreadyAcceptedCannotLendItsClaimsToAnotherSignature() throws Exception {
        // Verified tokens are remembered (VerifiedTokens): after the genuine token was accepted, the
        // same header and claims under a stranger's signature, under the genuine one cut short, with
        // one character of it changed, or with none, are each verified in full and refused.
        String genuine = Tokens.fetch(http, "auditor");
        assertThat(http.getWithBearer(WHOAMI, genuine).statusCode()).isEqualTo(200);
        String[] parts = genuine.split("\\.");
        String strangers = Tokens.signRs256(
                        new RSAKeyGenerator(2048).generate(),
                        issuerKey.signingKey().getKeyID(),
                        JWTClaimsSet.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))
                .split("\\.")[2];
        String signature = parts[2];
        char first = signature.charAt(0);

        for (String forged : List.of(
                parts[0] + "." + parts[1] + "." + strangers,
                parts[0] + "." + parts[1] + "." + signature.substring(0, signature.length() - 4),
                parts[0] + "." + parts[1] + "." + (first == 'A' ? 'B' : 'A') + signature.substring(1),
                parts[0] + "." + parts[1] + ".")) {
            assertInvalidToken(http.getWithBearer(WHOAMI, forged), forged);
        }
        assertThat(http.getWithBearer(WHOAMI, genuine).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenWhosePartsAreNotCanonicalBase64urlIsRefusedEvenWhenTheyDecodeToTheGenuineBytes() {
        // RFC 7515 section 2 and 7.1: each part is unpadded base64url. A lenient decoder reads the
        // genuine signature out of these variants (a dangling character, padding, set unused bits);
        // the gateway takes a token only in the one text form its bytes have.
        String genuine = Tokens.fetch(http, "auditor");
        String[] parts = genuine.split("\\.");
        List<String> variants = new java.util.ArrayList<>();
        for (int part = 0; part < 3; part++) {
            for (String altered : nonCanonical(parts[part])) {
                String[] copy = parts.clone();
                copy[part] = altered;
                variants.add(String.join(".", copy));
            }
        }
        variants.add(genuine + ".");
        variants.add(genuine + "." + parts[2]);

        assertThat(http.getWithBearer(WHOAMI, genuine).statusCode()).isEqualTo(200);
        for (String variant : variants) {
            assertInvalidToken(http.getWithBearer(WHOAMI, variant), variant);
        }
    }

    /** Texts a lenient base64url decoder reads as the bytes {@code canonical} encodes. */
    private static List<String> nonCanonical(String canonical) {
        List<String> texts = new java.util.ArrayList<>();
        // A length of 1 modulo 4: the last character holds no whole byte and is dropped by lenient decoders.
        texts.add(canonical + "AAAA".substring(0, List.of(1, 0, 3, 2).get(canonical.length() % 4)));
        // Padding, which RFC 7515 leaves out.
        if (canonical.length() % 4 != 0) {
            texts.add(canonical + "==".substring(0, 4 - canonical.length() % 4));
            // The last character's unused low bit set: the same bytes, another text.
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            char last = canonical.charAt(canonical.length() - 1);
            texts.add(canonical.substring(0, canonical.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 1));
        }
        return texts;
    }

    @Test
    void anExpiredTokenBeyondTheClockSkewIsRefused() {
        Instant now = Instant.now();
        String token = Tokens.signRs256(
                issuerKey.signingKey(),
                issuerKey.signingKey().getKeyID(),
                Tokens.validClaims("amazon", "shares:read")
                        .issueTime(Date.from(now.minusSeconds(1000)))
                        .notBeforeTime(Date.from(now.minusSeconds(1000)))
                        .expirationTime(Date.from(now.minusSeconds(120)))
                        .build());

        HttpResponse<String> response = http.getWithBearer(WHOAMI, token);

        assertInvalidToken(response, token);
        assertThat(Http.json(response).get("detail").asText()).contains("expired");
    }

    @Test
    void aTokenExpiredWithinTheClockSkewIsStillAccepted() {
        String token = Tokens.signRs256(
                issuerKey.signingKey(),
                issuerKey.signingKey().getKeyID(),
                Tokens.validClaims("amazon", "shares:read")
                        .issueTime(Date.from(Instant.now().minusSeconds(600)))
                        .notBeforeTime(Date.from(Instant.now().minusSeconds(600)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(20)))
                        .build());

        HttpResponse<String> response = http.getWithBearer(WHOAMI, token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        String token = Tokens.signRs256(
                issuerKey.signingKey(),
                issuerKey.signingKey().getKeyID(),
                Tokens.validClaims("amazon", "shares:read").expirationTime(null).build());

        HttpResponse<String> response = http.getWithBearer(WHOAMI, token);

        assertInvalidToken(response, token);
        assertThat(Http.json(response).get("detail").asText()).contains("exp");
    }

    @Test
    void aTokenNotYetValidBeyondTheClockSkewIsRefused() {
        Instant now = Instant.now();
        String token = Tokens.signRs256(
                issuerKey.signingKey(),
                issuerKey.signingKey().getKeyID(),
                Tokens.validClaims("amazon", "shares:read")
                        .notBeforeTime(Date.from(now.plusSeconds(600)))
                        .issueTime(Date.from(now.plusSeconds(600)))
                        .expirationTime(Date.from(now.plusSeconds(900)))
                        .build());

        assertInvalidToken(http.getWithBearer(WHOAMI, token), token);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        for (String issuer : List.of("https://idp.evil.example", "http://127.0.0.1:8080", "")) {
            String token = Tokens.signRs256(
                    issuerKey.signingKey(),
                    issuerKey.signingKey().getKeyID(),
                    Tokens.validClaims("amazon", "shares:read").issuer(issuer).build());

            assertInvalidToken(http.getWithBearer(WHOAMI, token), token);
        }
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        for (JWTClaimsSet claims : List.of(
                Tokens.validClaims("amazon", "shares:read")
                        .audience("another-service")
                        .build(),
                Tokens.validClaims("amazon", "shares:read")
                        .audience((String) null)
                        .build(),
                Tokens.validClaims("amazon", "shares:read")
                        .audience("interdict-gateway-evil")
                        .build())) {
            String token = Tokens.signRs256(
                    issuerKey.signingKey(), issuerKey.signingKey().getKeyID(), claims);

            HttpResponse<String> response = http.getWithBearer(WHOAMI, token);

            assertInvalidToken(response, token);
            assertThat(Http.json(response).get("detail").asText()).contains("aud");
        }
    }

    @Test
    void aTokenWithoutAPartnerClaimIsRefused() {
        String token = Tokens.signRs256(
                issuerKey.signingKey(),
                issuerKey.signingKey().getKeyID(),
                Tokens.validClaims("amazon", "shares:read").subject(null).build());

        assertInvalidToken(http.getWithBearer(WHOAMI, token), token);
    }

    @Test
    void anOversizedTokenIsRefusedBeforeParsing() {
        String genuine = Tokens.fetch(http, "amazon");
        String oversized = genuine + "A".repeat(9000);

        HttpResponse<String> response = http.getWithBearer(WHOAMI, oversized);

        assertInvalidToken(response, oversized);
        assertThat(Http.json(response).get("detail").asText()).contains("8192 bytes");
    }

    @Test
    void aTokenInTheQueryStringDoesNotAuthenticate() {
        String genuine = Tokens.fetch(http, "amazon");

        HttpResponse<String> response = http.get(WHOAMI + "?access_token=" + genuine);

        assertUnauthorizedProblem(response, genuine);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"interdict\"");
    }

    @Test
    void aTokenInAFormBodyDoesNotAuthenticate() {
        String genuine = Tokens.fetch(http, "amazon");

        HttpResponse<String> response = http.postForm(WHOAMI, "access_token=" + genuine, null, null);

        assertUnauthorizedProblem(response, genuine);
    }

    @Test
    void garbageIsRefused() {
        String validHeader =
                encode("{\"alg\":\"RS256\",\"kid\":\"" + issuerKey.signingKey().getKeyID() + "\"}");
        List<String> garbage = List.of(
                "garbage",
                "a.b.c",
                "...",
                "eyJhbGciOiJub25lIn0",
                validHeader + ".bm90IGpzb24." + encode("x"),
                validHeader + "." + encode("[1,2,3]") + "." + encode("x"),
                validHeader + "." + encode("{\"exp\":\"tomorrow\",\"aud\":{\"a\":1},\"sub\":[1]}") + "." + encode("x"),
                encode("{\"alg\":\"RS256\",\"crit\":[\"exp\"],\"exp\":1}") + "." + encode("{}") + "." + encode("x"),
                encode("{\"alg\":\"RSA-OAEP\",\"enc\":\"A128GCM\"}") + ".a.b.c.d",
                encode("{".repeat(3000)) + ".e30.e30",
                "%%%!!",
                "Bearer x");
        for (String token : garbage) {
            HttpResponse<String> response = http.get(WHOAMI, "Bearer " + token);
            assertThat(response.statusCode()).as(token).isIn(400, 401);
            assertProblem(response, token);
        }
    }

    @Test
    void aMalformedAuthorizationSchemeIsTreatedAsNoToken() {
        HttpResponse<String> response = http.get(WHOAMI, Http.basic("amazon", "amazon-dev-secret"));

        assertUnauthorizedProblem(response, null);
    }

    private static void assertInvalidToken(HttpResponse<String> response, String token) {
        assertUnauthorizedProblem(response, token);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .get()
                .asString()
                .startsWith("Bearer ")
                .contains("error=\"invalid_token\"");
    }

    private static void assertUnauthorizedProblem(HttpResponse<String> response, String token) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .get()
                .asString()
                .startsWith("Bearer");
        assertProblem(response, token);
    }

    private static void assertProblem(HttpResponse<String> response, String token) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Http.json(response);
        // The same problem types as the API's own refusals (ApiProblem), never about:blank.
        if (response.statusCode() == 401) {
            assertThat(problem.get("type").asText()).isEqualTo("urn:interdict:problem:unauthenticated");
            assertThat(problem.get("title").asText()).isEqualTo("A valid bearer token is required");
        } else {
            assertThat(problem.get("type").asText()).isEqualTo("urn:interdict:problem:malformed-request");
            assertThat(problem.get("title").asText()).isEqualTo("The request could not be read");
        }
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        if (token != null) {
            String everything = response.body() + response.headers().map();
            for (String part : token.split("\\.")) {
                if (part.length() > 12) {
                    assertThat(everything).doesNotContain(part);
                }
            }
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
