package io.interdict.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class PartnerAuthenticationConverterTest {

    private final PartnerAuthenticationConverter converter = new PartnerAuthenticationConverter("sub");

    @Test
    void scopesFromASpaceSeparatedStringBecomeScopeAuthorities() {
        PartnerAuthenticationToken token = converter.convert(jwt("amazon", "scope", "shares:write  shares:read"));

        assertThat(token.partner())
                .isEqualTo(new AuthenticatedPartner("amazon", Set.of("shares:write", "shares:read")));
        assertThat(token.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("SCOPE_shares:write", "SCOPE_shares:read");
        assertThat(token.getName()).isEqualTo("amazon");
        assertThat(token.isAuthenticated()).isTrue();
    }

    @Test
    void scopesFromAnArrayOrTheScpClaimAreReadToo() {
        assertThat(converter
                        .convert(jwt("cbp", "scope", List.of("inspections:execute")))
                        .partner()
                        .scopes())
                .containsExactly("inspections:execute");
        assertThat(converter
                        .convert(jwt("cbp", "scp", List.of("shares:read")))
                        .partner()
                        .scopes())
                .containsExactly("shares:read");
    }

    @Test
    void valuesThatAreNotScopeTokensAreDropped() {
        PartnerAuthenticationToken token = converter.convert(
                jwt("amazon", "scope", List.of("admin\"", "a\\b", 42, "shares:read", "x".repeat(200))));

        assertThat(token.partner().scopes()).containsExactly("shares:read");
    }

    @Test
    void thePartnerComesFromTheConfiguredClaim() {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("some-user")
                .claim("client_id", "dhl")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();

        assertThat(new PartnerAuthenticationConverter("client_id")
                        .convert(jwt)
                        .partner()
                        .partnerId())
                .isEqualTo("dhl");
    }

    private static Jwt jwt(String subject, String scopeClaim, Object scopes) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject(subject)
                .claim(scopeClaim, scopes)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
    }
}
