package io.interdict.gateway.security;

import com.nimbusds.jose.RemoteKeySourceException;
import io.interdict.audit.jose.Base64Url;
import io.interdict.audit.jose.Base64Url.MalformedBase64UrlException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;

/**
 * Makes "this token is bad" always a {@link BadJwtException} (answered 401), whatever the parser
 * threw (PRODUCT.md §7: no token, however malformed, yields a 5xx). Only a failure to reach the
 * issuer (its metadata or key set) stays an infrastructure error.
 */
final class VerifyingJwtDecoder implements JwtDecoder {

    static final String UNVERIFIABLE =
            "the token is malformed, or not signed with an allowed algorithm by a key of the trusted issuer";

    private final JwtDecoder delegate;

    VerifyingJwtDecoder(JwtDecoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public Jwt decode(String token) {
        requireCompactJws(token);
        try {
            return delegate.decode(token);
        } catch (BadJwtException bad) {
            throw bad;
        } catch (RuntimeException e) {
            if (e instanceof JwtDecoderInitializationException || causedByUnreachableIssuer(e)) {
                throw e;
            }
            throw new BadJwtException(UNVERIFIABLE, e);
        }
    }

    /**
     * RFC 7515 section 7.1: a JWS in compact serialisation is three parts, each the unpadded
     * base64url (section 2) of its bytes. Nimbus reads some texts that are not (a dangling last
     * character, set unused bits) as the bytes of one that is; here a token is taken in the one text
     * form its bytes have, so no two texts carry one signature.
     */
    private static void requireCompactJws(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new BadJwtException("the token is not a JWS in compact serialisation (RFC 7515 section 7.1): expected"
                    + " three base64url parts separated by '.', found " + parts.length);
        }
        try {
            Base64Url.decode(parts[0], "the token's protected header");
            Base64Url.decode(parts[1], "the token's payload");
            Base64Url.decode(parts[2], "the token's signature");
        } catch (MalformedBase64UrlException e) {
            throw new BadJwtException(e.getMessage(), e);
        }
    }

    private static boolean causedByUnreachableIssuer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RemoteKeySourceException) {
                return true;
            }
        }
        return false;
    }
}
