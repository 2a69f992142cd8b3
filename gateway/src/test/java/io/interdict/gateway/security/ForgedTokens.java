package io.interdict.gateway.security;

import org.springframework.context.ApplicationContext;

/**
 * Tokens signed with the development issuer's own key for any partner id and scopes, for tests of
 * other packages that need a combination no demo client has (e.g. {@code audit:read} on a partner
 * that is not an auditor).
 */
public final class ForgedTokens {

    private ForgedTokens() {}

    public static String forPartner(ApplicationContext context, String partnerId, String... scopes) {
        DevIssuerKey key = context.getBean(DevIssuerKey.class);
        return Tokens.signRs256(
                key.signingKey(),
                key.signingKey().getKeyID(),
                Tokens.validClaims(partnerId, scopes).build());
    }
}
