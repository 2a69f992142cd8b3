package io.interdict.gateway.security;

import io.interdict.gateway.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers an authenticated request that may not proceed: 403 as {@code application/problem+json}.
 * A partner that is suspended or not enrolled is told so ({@link EnrolledPartnerAuthorizationManager},
 * {@code urn:interdict:problem:not-permitted}); otherwise the token's scopes fall short ({@code
 * insufficient-scope}), and the RFC 6750 §3.1 {@code insufficient_scope} challenge says so.
 */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    static final String INSUFFICIENT_SCOPE = "the token's scopes do not allow this request";

    private final ProblemResponses problems;

    ProblemAccessDeniedHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (denied instanceof AuthorizationDeniedException authorization
                && authorization.getAuthorizationResult() instanceof PartnerRefusal refusal) {
            problems.write(
                    request,
                    response,
                    refusal.problem(),
                    refusal.reason(),
                    refusal.problem() == ApiProblem.INSUFFICIENT_SCOPE
                            ? ProblemResponses.bearerChallenge("insufficient_scope", refusal.reason())
                            : null);
            return;
        }
        problems.write(
                request,
                response,
                ApiProblem.INSUFFICIENT_SCOPE,
                INSUFFICIENT_SCOPE,
                ProblemResponses.bearerChallenge("insufficient_scope", INSUFFICIENT_SCOPE));
    }
}
