package io.interdict.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Where a bearer token may come from: the {@code Authorization} header only (RFC 6750 §2.1; the
 * query and form parameters of §2.2 and §2.3 are off, so a token never lands in access logs), and
 * only when that header is no longer than {@code interdict.security.max-token-bytes}, checked
 * before anything parses it.
 */
final class SizeLimitedBearerTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver delegate = new DefaultBearerTokenResolver();
    private final int maxTokenBytes;

    SizeLimitedBearerTokenResolver(int maxTokenBytes) {
        this.maxTokenBytes = maxTokenBytes;
        delegate.setAllowUriQueryParameter(false);
        delegate.setAllowFormEncodedBodyParameter(false);
    }

    @Override
    public String resolve(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
        int count = 0;
        while (headers != null && headers.hasMoreElements()) {
            String header = headers.nextElement();
            count++;
            // HTTP header values are ISO-8859-1 on the wire: one char is one byte.
            if (header != null && header.length() > maxTokenBytes) {
                throw refused("the Authorization header is longer than " + maxTokenBytes + " bytes");
            }
        }
        if (count > 1) {
            throw new OAuth2AuthenticationException(new BearerTokenError(
                    BearerTokenErrorCodes.INVALID_REQUEST,
                    HttpStatus.BAD_REQUEST,
                    "more than one Authorization header",
                    null));
        }
        return delegate.resolve(request);
    }

    private static OAuth2AuthenticationException refused(String description) {
        return new OAuth2AuthenticationException(
                new BearerTokenError(BearerTokenErrorCodes.INVALID_TOKEN, HttpStatus.UNAUTHORIZED, description, null));
    }
}
