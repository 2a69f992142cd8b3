package io.interdict.gateway.security;

import io.interdict.gateway.web.ApiProblem;
import org.springframework.security.authorization.AuthorizationDecision;

/**
 * A refusal because of who the partner is (suspended, not enrolled: {@link ApiProblem#NOT_PERMITTED})
 * or what its token allows ({@link ApiProblem#INSUFFICIENT_SCOPE}), with the reason to tell it.
 */
final class PartnerRefusal extends AuthorizationDecision {

    private final ApiProblem problem;
    private final String reason;

    PartnerRefusal(ApiProblem problem, String reason) {
        super(false);
        this.problem = problem;
        this.reason = reason;
    }

    ApiProblem problem() {
        return problem;
    }

    String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "PartnerRefusal[" + reason + "]";
    }
}
