package io.interdict.gateway.security;

import java.util.Collection;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * A request authenticated by a verified JWT: the principal is the {@link AuthenticatedPartner}, the
 * authorities are the token's scopes as {@code SCOPE_<scope>}.
 */
public final class PartnerAuthenticationToken extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private static final long serialVersionUID = 1L;

    private final AuthenticatedPartner partner;

    PartnerAuthenticationToken(
            Jwt jwt, AuthenticatedPartner partner, Collection<? extends GrantedAuthority> authorities) {
        super(jwt, partner, jwt, authorities);
        this.partner = partner;
        setAuthenticated(true);
    }

    public AuthenticatedPartner partner() {
        return partner;
    }

    @Override
    public String getName() {
        return partner.partnerId();
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }
}
