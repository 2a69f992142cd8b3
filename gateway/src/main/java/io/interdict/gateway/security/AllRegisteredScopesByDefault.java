package io.interdict.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client-credentials request without a {@code scope} parameter is granted every scope registered
 * for the client: RFC 6749 §3.3 lets the server apply a default, and Spring Authorization Server
 * would otherwise issue a token with no scope at all. A request naming scopes gets exactly those
 * (still limited to the registered ones by the server).
 */
final class AllRegisteredScopesByDefault implements AuthenticationConverter {

    private final OAuth2ClientCredentialsAuthenticationConverter delegate =
            new OAuth2ClientCredentialsAuthenticationConverter();

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = delegate.convert(request);
        if (converted instanceof OAuth2ClientCredentialsAuthenticationToken clientCredentials
                && clientCredentials.getScopes().isEmpty()
                && clientCredentials.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && client.isAuthenticated()
                && client.getRegisteredClient() != null) {
            return new OAuth2ClientCredentialsAuthenticationToken(
                    client, client.getRegisteredClient().getScopes(), clientCredentials.getAdditionalParameters());
        }
        return converted;
    }
}
