package io.interdict.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.ApiClient.Response;
import io.interdict.gateway.support.GatewayIntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Request bodies must be I-JSON (RFC 7493), which RFC 8785 and every signature presume, and must
 * bind without conversion: each refusal is a 400 problem naming the member, and nothing is stored.
 */
class IJsonBodiesIT extends GatewayIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private static String share(String marking, String seller, String confidence) {
        return "{\"kind\":\"COUNTERFEIT_PRODUCT\"," + marking + ",\"audience\":[\"cbp\"],"
                + "\"subject\":{\"sellerAccount\":" + seller + "},\"indicators\":[\"logo mismatch\"],"
                + "\"confidence\":" + confidence + "}";
    }

    private static final String GREEN = "\"marking\":\"TLP:GREEN\"";

    @Test
    void aMemberNamedTwiceIsRefusedNotLastOneWins() {
        assertRefused(
                share("\"marking\":\"TLP:GREEN\",\"marking\":\"TLP:RED\"", "\"DUP-1\"", "50"),
                "malformed JSON: Duplicate field 'marking'");
        assertRefused(
                share(GREEN, "\"DUP-2\",\"sellerAccount\":\"DUP-3\"", "50"),
                "malformed JSON: Duplicate field 'sellerAccount'");
    }

    @Test
    void textThatIsNotUnicodeOrHoldsNulIsRefusedNamingTheMember() {
        assertRefused(
                share(GREEN, "\"LONE\\ud800\"", "50"),
                "subject.sellerAccount: a lone UTF-16 surrogate U+D800 at index 4 is not Unicode text");
        assertRefused(
                share(GREEN, "\"LOW\\udc5f-FIRST\\ud83d\"", "50"),
                "subject.sellerAccount: a lone UTF-16 surrogate U+DC5F at index 3");
        assertRefused(
                share(GREEN, "\"NUL\\u0000X\"", "50"),
                "subject.sellerAccount: U+0000 (NUL) at index 3 is not accepted");
        assertRefused(
                "{\"kind\":\"COUNTERFEIT_PRODUCT\",\"marking\":\"TLP:GREEN\",\"audience\":[\"cbp\"],"
                        + "\"subject\":{\"sellerAccount\":\"A\"},\"indicators\":[\"ok\",\"bad\\ud800\"],\"confidence\":5}",
                "indicators[1]: a lone UTF-16 surrogate U+D800");
        // Every JSON body, not only pushes: an investigation title.
        Response title =
                api.post("ipr-center", "/api/v1/investigations", "{\"title\":\"T\\u0000\",\"subjects\":[\"S\"]}");
        assertThat(title.status()).as(title.body()).isEqualTo(400);
        assertThat(title.json().get("detail").asText())
                .isEqualTo("title: U+0000 (NUL) at index 1 is not accepted in text");
    }

    @Test
    void aSurrogatePairIsTextAndIsKept() {
        Response pushed = api.post("amazon", "/api/v1/shares", share(GREEN, "\"PAIR-\\ud83d\\udc5f\"", "50"));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        assertThat(pushed.json().get("payload").toString()).contains("PAIR-\uD83D\uDC5F");
    }

    @Test
    void contentAfterTheValueIsRefused() {
        assertRefused(
                share(GREEN, "\"TRAIL\"", "50") + " {\"x\":1}",
                "malformed JSON: more content after the top-level value; send exactly one JSON value");
    }

    @Test
    void valuesAreNeverConvertedAndTheRefusalDoesNotEchoThem() {
        assertRefused(
                share(GREEN, "\"F\"", "55.5"),
                "field 'confidence': expected an integer, found a number with a fraction or exponent"
                        + " (values are never converted)");
        assertRefused(share(GREEN, "\"F\"", "5e1"), "field 'confidence': expected an integer, found a number with");
        assertRefused(share(GREEN, "\"F\"", "\"55\""), "field 'confidence': expected an integer, found a string");
        assertRefused(share(GREEN, "7", "55"), "field 'subject.sellerAccount': expected a string, found an integer");
        Response refused = api.post("amazon", "/api/v1/shares", share(GREEN, "\"F\"", "\"SECRET-55\""));
        assertThat(refused.body()).doesNotContain("SECRET").doesNotContain("CoercionConfig");
    }

    /**
     * A body of the wrong shape is refused naming the member and the JSON it expected, in the words
     * of the wire format: never a Java type, a Jackson token or a constructor (CWE-209; a client
     * cannot act on {@code java.util.ArrayList} and should not learn our class names).
     */
    @Test
    void aBodyOfTheWrongShapeIsRefusedInJsonTermsNeverJavaOnes() {
        String push = "/api/v1/shares";
        String[][] refusals = {
            {
                push,
                share("\"marking\":{\"tlp\":\"GREEN\"}", "\"S\"", "50"),
                "field 'marking': expected a string, found an object"
            },
            {
                push,
                share("\"marking\":\"TLP:PURPLE\"", "\"S\"", "50"),
                "field 'marking': expected a TLP marking, one of TLP:CLEAR, TLP:GREEN"
            },
            {push, share(GREEN, "\"S\"", "true"), "field 'confidence': expected an integer, found true or false"},
            {push, share(GREEN, "[\"S\"]", "50"), "field 'subject.sellerAccount': expected a string, found an array"},
            {push, share(GREEN, "{\"a\":1}", "50"), "field 'subject.sellerAccount': expected a string, found an object"
            },
            {
                push,
                share(GREEN, "\"S\"", "50").replace("\"audience\":[\"cbp\"]", "\"audience\":\"cbp\""),
                "field 'audience': expected an array, found a string"
            },
            {
                push,
                share(GREEN, "\"S\"", "50").replace("\"indicators\":[\"logo mismatch\"]", "\"indicators\":[{\"x\":1}]"),
                "field 'indicators[0]': expected a string, found an object"
            },
            {
                push,
                share(GREEN, "\"S\"", "50").replace("{\"sellerAccount\":\"S\"}", "\"S\""),
                "field 'subject': expected an object, found a string"
            },
            {
                push,
                share(GREEN, "\"S\"", "50").replace("{\"sellerAccount\":\"S\"}", "[]"),
                "field 'subject': expected an object, found an array"
            },
            {
                push,
                share(GREEN, "\"S\"", "50").replace("COUNTERFEIT_PRODUCT", "FORGED_PASSPORT"),
                "field 'kind': not one of [COUNTERFEIT_SELLER, "
            },
            {
                push,
                share(GREEN, "\"S\"", "50").replace("\"confidence\"", "\"expiresAt\":\"next tuesday\",\"confidence\""),
                "field 'expiresAt': "
            },
            {push, "[]", "expected a JSON object as the request body"},
            {push, "{\"kind\":\"COUNTERFEIT_PRODUCT\",\"subject\":{", "malformed JSON: Unexpected end-of-input"},
            {push, "[".repeat(1001) + "]".repeat(1001), "request exceeds a JSON limit: Document nesting depth (1001)"},
            {push, "\"share\"", "expected a JSON object as the request body"},
            {"/api/v1/shares/batch", "{\"items\":{}}", "field 'items': expected an array, found an object"},
            {
                "/api/v1/investigations",
                "{\"title\":\"T\",\"subjects\":\"S\"}",
                "field 'subjects': expected an array, found a string"
            },
        };
        SoftAssertions softly = new SoftAssertions();
        for (String[] refusal : refusals) {
            long before = events();
            Response refused = api.post(clientFor(refusal[0]), refusal[0], refusal[1]);
            String detail = refused.json().path("detail").asText();
            String what = refusal[1].length() > 200 ? refusal[1].substring(0, 40) + "…" : refusal[1];
            softly.assertThat(refused.status())
                    .as(what + " -> " + refused.body())
                    .isEqualTo(400);
            softly.assertThat(refused.json().path("type").asText())
                    .as(what)
                    .isEqualTo("urn:interdict:problem:malformed-request");
            softly.assertThat(detail).as(what).startsWith(refusal[2]);
            softly.assertThat(detail)
                    .as(what)
                    .doesNotContainIgnoringCase("java")
                    .doesNotContain("io.interdict")
                    .doesNotContain("jackson")
                    .doesNotContain("`")
                    .doesNotContain("JsonToken")
                    .doesNotContain("instance of")
                    .doesNotContain("deserialize")
                    .doesNotContain("Creator");
            softly.assertThat(events()).as(what).isEqualTo(before);
        }
        softly.assertAll();
    }

    private static String clientFor(String path) {
        return path.startsWith("/api/v1/investigations") ? "ipr-center" : "amazon";
    }

    private void assertRefused(String body, String detail) {
        long before = events();
        Response refused = api.post("amazon", "/api/v1/shares", body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:interdict:problem:malformed-request");
        assertThat(refused.json().get("detail").asText()).startsWith(detail);
        assertThat(events()).isEqualTo(before);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
