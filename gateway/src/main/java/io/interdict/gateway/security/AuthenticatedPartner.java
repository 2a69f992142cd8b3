package io.interdict.gateway.security;

import java.io.Serializable;
import java.util.Set;

/**
 * The partner a request was authenticated as, and the scopes its token carries. A controller
 * declares a parameter of this type (with or without {@code @AuthenticationPrincipal}); it is only
 * ever taken from the verified token, never bound from the request.
 *
 * @param partnerId the value of the configured partner claim ({@code interdict.security.partner-claim}).
 * @param scopes the token's scopes, without the {@code SCOPE_} prefix of their authorities.
 */
public record AuthenticatedPartner(String partnerId, Set<String> scopes) implements Serializable {

    public AuthenticatedPartner {
        scopes = Set.copyOf(scopes);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
