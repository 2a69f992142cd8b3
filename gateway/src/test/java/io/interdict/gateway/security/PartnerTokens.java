package io.interdict.gateway.security;

import org.springframework.context.ApplicationContext;

/**
 * Tokens for partners the operator enrolled during a test (the development issuer only has clients
 * for the demo partners): signed with the issuer's own key, so the gateway accepts them exactly as
 * it accepts an issued token, valid for five minutes.
 */
public final class PartnerTokens {

    private PartnerTokens() {}

    public static String mint(ApplicationContext context, String partnerId, String... scopes) {
        DevIssuerKey key = context.getBean(DevIssuerKey.class);
        return Tokens.signRs256(
                key.signingKey(),
                key.signingKey().getKeyID(),
                Tokens.validClaims(partnerId, scopes).build());
    }
}
