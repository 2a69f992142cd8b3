package io.interdict.gateway.security;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The development issuer keeps no record of the tokens it issued. Spring Authorization Server's
 * default in-memory store keeps every client-credentials authorization forever, so a client asking
 * for tokens in a loop would exhaust the gateway's memory. Nothing here needs the record: the
 * gateway verifies self-contained JWTs by signature, and tokens expire after {@code token-ttl}.
 * Consequence: {@code /oauth2/introspect} reports every token inactive and {@code /oauth2/revoke}
 * has nothing to revoke.
 */
final class UnrecordedAuthorizations implements OAuth2AuthorizationService {

    @Override
    public void save(OAuth2Authorization authorization) {}

    @Override
    public void remove(OAuth2Authorization authorization) {}

    @Override
    public OAuth2Authorization findById(String id) {
        return null;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return null;
    }
}
