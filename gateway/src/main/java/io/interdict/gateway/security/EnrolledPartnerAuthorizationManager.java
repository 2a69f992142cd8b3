package io.interdict.gateway.security;

import io.interdict.gateway.web.ApiProblem;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Every {@code /api/v1} request but the public ones: the caller is an authenticated partner that is
 * enrolled and not suspended, looked up on each request so that a suspension takes effect on the
 * next one (PRODUCT.md §2, §3). What the partner may then do is decided by scopes and the domain's
 * policies.
 */
final class EnrolledPartnerAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision NOT_AUTHENTICATED = new AuthorizationDecision(false);
    private static final AuthorizationDecision ENROLLED = new AuthorizationDecision(true);

    private final PartnerStatuses statuses;
    private final String requiredScope;
    private final List<String> anyOfScopes;

    EnrolledPartnerAuthorizationManager(PartnerStatuses statuses) {
        this(statuses, null, List.of());
    }

    private EnrolledPartnerAuthorizationManager(
            PartnerStatuses statuses, String requiredScope, List<String> anyOfScopes) {
        this.statuses = statuses;
        this.requiredScope = requiredScope;
        this.anyOfScopes = anyOfScopes;
    }

    /** An enrolled, unsuspended partner whose token carries {@code scope} (PRODUCT.md §1). */
    EnrolledPartnerAuthorizationManager requiring(String scope) {
        return new EnrolledPartnerAuthorizationManager(statuses, scope, List.of());
    }

    /**
     * An enrolled, unsuspended partner whose token carries at least one of {@code scopes}: for reads
     * that several kinds of partner make, each with the scope of its own role (PRODUCT.md §1).
     */
    EnrolledPartnerAuthorizationManager requiringAnyOf(String... scopes) {
        return new EnrolledPartnerAuthorizationManager(statuses, null, List.of(scopes));
    }

    @Override
    public AuthorizationResult authorize(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
        return decide(authentication.get());
    }

    @Override
    @Deprecated
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
        return decide(authentication.get());
    }

    private AuthorizationDecision decide(Authentication authentication) {
        if (!(authentication instanceof PartnerAuthenticationToken token) || !token.isAuthenticated()) {
            return NOT_AUTHENTICATED;
        }
        String partnerId = token.partner().partnerId();
        Optional<PartnerStatus> status = statuses.find(partnerId);
        if (status.isEmpty()) {
            return new PartnerRefusal(ApiProblem.NOT_PERMITTED, "partner " + partnerId + " is not enrolled");
        }
        if (status.get().suspended()) {
            return new PartnerRefusal(ApiProblem.NOT_PERMITTED, "partner " + partnerId + " is suspended");
        }
        if (requiredScope != null && !token.partner().scopes().contains(requiredScope)) {
            return new PartnerRefusal(
                    ApiProblem.INSUFFICIENT_SCOPE,
                    "this request needs the scope '" + requiredScope + "'; the token grants "
                            + token.partner().scopes().stream().sorted().toList());
        }
        Set<String> granted = token.partner().scopes();
        if (!anyOfScopes.isEmpty() && anyOfScopes.stream().noneMatch(granted::contains)) {
            return new PartnerRefusal(
                    ApiProblem.INSUFFICIENT_SCOPE,
                    "this request needs one of the scopes " + anyOfScopes + "; the token grants "
                            + granted.stream().sorted().toList());
        }
        return ENROLLED;
    }
}
