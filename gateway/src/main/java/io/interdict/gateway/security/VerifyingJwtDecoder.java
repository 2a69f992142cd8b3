package io.interdict.gateway.security;

import com.nimbusds.jose.RemoteKeySourceException;
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

    private static boolean causedByUnreachableIssuer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RemoteKeySourceException) {
                return true;
            }
        }
        return false;
    }
}
