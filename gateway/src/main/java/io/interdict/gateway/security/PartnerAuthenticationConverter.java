package io.interdict.gateway.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The one place a verified token becomes an authenticated partner (STYLE.md, "Security code"): the
 * partner id from the configured claim, the scopes from {@code scope} (RFC 8693 §4.2: a
 * space-separated string; some issuers send an array) and {@code scp}, each as authority {@code
 * SCOPE_<scope>}. The partner claim's presence is checked earlier, by the token validators.
 */
final class PartnerAuthenticationConverter implements Converter<Jwt, PartnerAuthenticationToken> {

    static final String AUTHORITY_PREFIX = "SCOPE_";

    /** RFC 6749 §3.3 scope-token; anything else is not a scope and is dropped. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}");

    private static final List<String> SCOPE_CLAIMS = List.of("scope", "scp");

    private final String partnerClaim;

    PartnerAuthenticationConverter(String partnerClaim) {
        this.partnerClaim = partnerClaim;
    }

    @Override
    public PartnerAuthenticationToken convert(Jwt jwt) {
        Set<String> scopes = scopes(jwt);
        List<GrantedAuthority> authorities = scopes.stream()
                .map(scope -> (GrantedAuthority) new SimpleGrantedAuthority(AUTHORITY_PREFIX + scope))
                .toList();
        AuthenticatedPartner partner = new AuthenticatedPartner(jwt.getClaimAsString(partnerClaim), scopes);
        return new PartnerAuthenticationToken(jwt, partner, authorities);
    }

    private static Set<String> scopes(Jwt jwt) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String claim : SCOPE_CLAIMS) {
            Object value = jwt.getClaims().get(claim);
            if (value instanceof String text) {
                add(scopes, List.of(text.split(" ")));
            } else if (value instanceof Collection<?> values) {
                add(scopes, values);
            }
        }
        return scopes;
    }

    private static void add(Set<String> scopes, Collection<?> values) {
        for (Object value : values) {
            if (value instanceof String scope && SCOPE_TOKEN.matcher(scope).matches()) {
                scopes.add(scope);
            }
        }
    }
}
