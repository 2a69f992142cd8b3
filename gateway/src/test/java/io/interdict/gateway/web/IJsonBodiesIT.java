package io.interdict.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.ApiClient.Response;
import io.interdict.gateway.support.GatewayIntegrationTest;
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
        String valid = share(GREEN, "\"S\"", "50");
        assertRefused(
                share("\"marking\":{\"tlp\":\"GREEN\"}", "\"S\"", "50"),
                "field 'marking': expected a string, found an object");
        assertRefused(
                share("\"marking\":\"TLP:PURPLE\"", "\"S\"", "50"),
                "field 'marking': expected a TLP marking, one of TLP:CLEAR, TLP:GREEN");
        assertRefused(share(GREEN, "\"S\"", "true"), "field 'confidence': expected an integer, found true or false");
        assertRefused(
                share(GREEN, "[\"S\"]", "50"), "field 'subject.sellerAccount': expected a string, found an array");
        assertRefused(
                share(GREEN, "{\"a\":1}", "50"), "field 'subject.sellerAccount': expected a string, found an object");
        assertRefused(
                valid.replace("\"audience\":[\"cbp\"]", "\"audience\":\"cbp\""),
                "field 'audience': expected an array, found a string");
        assertRefused(
                valid.replace("[\"logo mismatch\"]", "[{\"x\":1}]"),
                "field 'indicators[0]': expected a string, found an object");
        assertRefused(
                valid.replace("{\"sellerAccount\":\"S\"}", "\"S\""),
                "field 'subject': expected an object, found a string");
        assertRefused(
                valid.replace("{\"sellerAccount\":\"S\"}", "[]"),
                "field 'subject': expected an object, found an array");
        assertRefused(
                valid.replace("COUNTERFEIT_PRODUCT", "FORGED_PASSPORT"),
                "field 'kind': not one of [COUNTERFEIT_SELLER, ");
        assertRefused(
                valid.replace("\"confidence\"", "\"expiresAt\":\"next tuesday\",\"confidence\""),
                "field 'expiresAt': not a timestamp");
        assertRefused("[]", "expected a JSON object as the request body");
        assertRefused("\"share\"", "expected a JSON object as the request body");
        assertRefused("{\"kind\":\"COUNTERFEIT_PRODUCT\",\"subject\":{", "malformed JSON: Unexpected end-of-input");
        assertRefused(
                "[".repeat(1001) + "]".repeat(1001), "request exceeds a JSON limit: Document nesting depth (1001)");
        assertRefusedAt(
                "amazon",
                "/api/v1/shares/batch",
                "{\"items\":{}}",
                "field 'items': expected an array, found an object");
        assertRefusedAt(
                "ipr-center",
                "/api/v1/investigations",
                "{\"title\":\"T\",\"subjects\":\"S\"}",
                "field 'subjects': expected an array, found a string");
    }

    private void assertRefused(String body, String detail) {
        assertRefusedAt("amazon", "/api/v1/shares", body, detail);
    }

    /**
     * A 400 malformed-request problem whose detail starts with {@code detail} and speaks JSON, not
     * Java or Jackson; nothing stored.
     */
    private void assertRefusedAt(String client, String path, String body, String detail) {
        long before = events();
        Response refused = api.post(client, path, body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:interdict:problem:malformed-request");
        assertThat(refused.json().get("detail").asText())
                .startsWith(detail)
                .doesNotContainIgnoringCase("java")
                .doesNotContain("io.interdict")
                .doesNotContain("jackson")
                .doesNotContain("`")
                .doesNotContain("JsonToken")
                .doesNotContain("instance of")
                .doesNotContain("deserialize")
                .doesNotContain("Creator");
        assertThat(events()).isEqualTo(before);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
