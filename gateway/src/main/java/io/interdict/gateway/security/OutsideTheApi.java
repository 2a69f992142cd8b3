package io.interdict.gateway.security;

import io.interdict.gateway.web.ApiProblem;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The chain's last rule, deny by default, for every path no earlier rule names: refused always, and
 * the refusal says that nothing there is served to partners rather than blaming the token's scopes
 * (an anonymous request still gets 401 first, from the entry point).
 */
final class OutsideTheApi implements AuthorizationManager<RequestAuthorizationContext> {

    @Override
    public AuthorizationResult authorize(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
        return refusal(request);
    }

    @Override
    @Deprecated
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
        return refusal(request);
    }

    private static PartnerRefusal refusal(RequestAuthorizationContext context) {
        return new PartnerRefusal(
                ApiProblem.NOT_PERMITTED,
                "nothing at " + context.getRequest().getMethod() + " "
                        + context.getRequest().getRequestURI() + " is served to partners; the API is under /api/v1");
    }
}
