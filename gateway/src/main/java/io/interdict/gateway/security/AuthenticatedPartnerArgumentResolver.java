package io.interdict.gateway.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a controller parameter of type {@link AuthenticatedPartner} from the verified token, with
 * or without {@code @AuthenticationPrincipal}. Without it, Spring MVC would otherwise bind the
 * record from request parameters ({@code ?partnerId=operator}), which must never be possible.
 */
final class AuthenticatedPartnerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return AuthenticatedPartner.class.equals(parameter.getParameterType());
    }

    @Override
    public AuthenticatedPartner resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof PartnerAuthenticationToken token) {
            return token.partner();
        }
        throw new AuthenticationCredentialsNotFoundException("no authenticated partner");
    }
}
