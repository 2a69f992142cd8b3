package io.interdict.gateway.security;

import io.interdict.gateway.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request without an acceptable bearer token: 401 {@code
 * urn:interdict:problem:unauthenticated} (400 {@code malformed-request} for an RFC 6750 {@code
 * invalid_request}) as {@code application/problem+json} with the RFC 6750 §3 challenge. With no
 * token the challenge carries no error code (§3.1); with a token, {@code invalid_token} and a fixed
 * description: which claim check failed, or, for a token that could not be verified at all, one
 * sentence that does not say which step refused it.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String TOKEN_REQUIRED = "a bearer token is required (Authorization: Bearer <token>)";

    private final ProblemResponses problems;

    ProblemAuthenticationEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (!(failure instanceof OAuth2AuthenticationException oauth)) {
            problems.write(
                    request,
                    response,
                    ApiProblem.UNAUTHENTICATED,
                    TOKEN_REQUIRED,
                    ProblemResponses.bearerChallenge(null, null));
            return;
        }
        OAuth2Error error = oauth.getError();
        // RFC 6750 §3.1: invalid_request is a 400 (a malformed Authorization header), the rest 401.
        ApiProblem problem =
                error instanceof BearerTokenError bearer && bearer.getHttpStatus() == HttpStatus.BAD_REQUEST
                        ? ApiProblem.MALFORMED_REQUEST
                        : ApiProblem.UNAUTHENTICATED;
        String description = describe(oauth);
        problems.write(
                request,
                response,
                problem,
                description,
                ProblemResponses.bearerChallenge(error.getErrorCode(), description));
    }

    private static String describe(OAuth2AuthenticationException failure) {
        for (Throwable t = failure.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JwtValidationException invalid) {
                return invalid.getErrors().stream()
                        .map(OAuth2Error::getDescription)
                        .map(ProblemResponses::quotable)
                        .collect(Collectors.joining("; "));
            }
            if (t instanceof JwtException) {
                // The parser's own message may quote parts of the token.
                return VerifyingJwtDecoder.UNVERIFIABLE;
            }
        }
        String description = failure.getError().getDescription();
        return description == null ? VerifyingJwtDecoder.UNVERIFIABLE : ProblemResponses.quotable(description);
    }
}
