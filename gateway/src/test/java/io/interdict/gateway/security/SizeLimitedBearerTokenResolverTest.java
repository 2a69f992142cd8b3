package io.interdict.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;

class SizeLimitedBearerTokenResolverTest {

    private final SizeLimitedBearerTokenResolver resolver = new SizeLimitedBearerTokenResolver(300);

    @Test
    void aHeaderAtTheLimitIsRead() {
        String token = "a".repeat(300 - "Bearer ".length());

        assertThat(resolver.resolve(request("Bearer " + token))).isEqualTo(token);
    }

    @Test
    void aHeaderOneByteOverTheLimitIsRefusedAsAnInvalidToken() {
        assertThatThrownBy(() -> resolver.resolve(request("Bearer " + "a".repeat(294))))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo("invalid_token");
                    assertThat(((BearerTokenError) e.getError()).getHttpStatus())
                            .isEqualTo(HttpStatus.UNAUTHORIZED);
                });
    }

    @Test
    void tokensInTheQueryOrAFormAreIgnored() {
        MockHttpServletRequest query = new MockHttpServletRequest("GET", "/api/v1/shares");
        query.setParameter("access_token", "eyJ.e30.x");
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/api/v1/shares");
        form.setContentType("application/x-www-form-urlencoded");
        form.setParameter("access_token", "eyJ.e30.x");

        assertThat(resolver.resolve(query)).isNull();
        assertThat(resolver.resolve(form)).isNull();
    }

    @Test
    void twoAuthorizationHeadersAreABadRequest() {
        MockHttpServletRequest request = request("Bearer one");
        request.addHeader("Authorization", "Bearer two");

        assertThatThrownBy(() -> resolver.resolve(request))
                .isInstanceOfSatisfying(
                        OAuth2AuthenticationException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo("invalid_request"));
    }

    @Test
    void challengeParametersCannotBreakOutOfTheirQuotes() {
        assertThat(ProblemResponses.bearerChallenge("invalid_token", "a\"b\\c\r\nX-Injected: 1"))
                .isEqualTo(
                        "Bearer realm=\"interdict\", error=\"invalid_token\", error_description=\"a?b?c??X-Injected: 1\"");
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/shares");
        request.addHeader("Authorization", authorization);
        return request;
    }
}
