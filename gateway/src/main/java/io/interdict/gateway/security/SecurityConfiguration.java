package io.interdict.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.interdict.config.DevIssuerSettings;
import io.interdict.config.SecuritySettings;
import io.interdict.gateway.startup.InvalidSettingException;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.util.StringUtils;

/**
 * The gateway's API security (PRODUCT.md §1, §6, §7; STYLE.md "Security code"): one filter chain,
 * stateless bearer tokens, deny by default. When the development issuer is on, its own chain for
 * the {@code /oauth2/*} endpoints comes first ({@link DevIssuerConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    /** Operations endpoints anyone may call (README, "Operations"). */
    private static final String[] PUBLIC_OPERATIONS = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/prometheus",
        "/actuator/segments",
        "/v3/api-docs",
        "/v3/api-docs/**"
    };

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            JwtDecoder jwtDecoder,
            SecuritySettings settings,
            PartnerStatuses partnerStatuses,
            ProblemResponses problems)
            throws Exception {
        ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint(problems);
        ProblemAccessDeniedHandler forbidden = new ProblemAccessDeniedHandler(problems);
        EnrolledPartnerAuthorizationManager enrolled = new EnrolledPartnerAuthorizationManager(partnerStatuses);
        http.authorizeHttpRequests(authorize -> authorize
                        // Spring Boot's error page for a request that was already let through.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/keys")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_OPERATIONS)
                        .permitAll()
                        // Scopes per PRODUCT.md §1; what a partner's kind allows is decided by the domain.
                        .requestMatchers(HttpMethod.POST, "/api/v1/shares", "/api/v1/shares/**")
                        .access(enrolled.requiring("shares:write"))
                        .requestMatchers(HttpMethod.GET, "/api/v1/shares/**", "/api/v1/feed")
                        .access(enrolled.requiring("shares:read"))
                        // Inspections (PRODUCT.md §1, §2): requesters request and cancel; carriers and
                        // border authorities execute. Every party an inspection is visible to (§3) reads
                        // with the scope of its own role: requester, carrier or border authority, auditor.
                        .requestMatchers(HttpMethod.POST, "/api/v1/inspections", "/api/v1/inspections/*/cancellation")
                        .access(enrolled.requiring("inspections:request"))
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/inspections/*/acknowledgement",
                                "/api/v1/inspections/*/schedule",
                                "/api/v1/inspections/*/completion")
                        .access(enrolled.requiring("inspections:execute"))
                        .requestMatchers(HttpMethod.GET, "/api/v1/inspections", "/api/v1/inspections/**")
                        .access(enrolled.requiringAnyOf("inspections:request", "inspections:execute", "audit:read"))
                        .requestMatchers(HttpMethod.POST, "/api/v1/investigations", "/api/v1/investigations/**")
                        .access(enrolled.requiring("investigations:write"))
                        .requestMatchers(HttpMethod.GET, "/api/v1/investigations", "/api/v1/investigations/**")
                        .access(enrolled.requiring("investigations:read"))
                        .requestMatchers("/api/v1/partners/me/keys", "/api/v1/partners/me/keys/**")
                        .access(enrolled.requiring("keys:manage"))
                        .requestMatchers("/api/v1/admin/**")
                        .access(enrolled.requiring("admin"))
                        .requestMatchers("/api/v1/audit/**")
                        .access(enrolled.requiring("audit:read"))
                        .requestMatchers("/api/v1/**")
                        .access(enrolled)
                        .anyRequest()
                        .access(new OutsideTheApi()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new SizeLimitedBearerTokenResolver(settings.maxTokenBytes()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden)
                        .jwt(jwt -> jwt.decoder(jwtDecoder)
                                .jwtAuthenticationConverter(
                                        new PartnerAuthenticationConverter(settings.partnerClaim()))))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** The default strict firewall, its header checks without a regular expression (see {@link HeaderCharacters}). */
    @Bean
    StrictHttpFirewall httpFirewall() {
        return HeaderCharacters.firewall();
    }

    /**
     * No Micrometer observation (timer, span) around every filter of the chain, every authentication
     * and every authorization: with an observation registry present Spring Security wraps each of
     * them, about 7 % of a push's request-thread CPU in the JFR profiles (BENCHMARKS.md). The
     * request as a whole stays observed ({@code http.server.requests}); what is refused, and why,
     * does not change.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ProblemResponses securityProblemResponses(ObjectMapper objectMapper) {
        return new ProblemResponses(objectMapper);
    }

    /**
     * Verifies bearer tokens: signature with an allowed algorithm and a key of the one trusted
     * issuer — the in-process development issuer's key (no HTTP round trip), or the external
     * issuer's key set — then the claim checks of {@link TokenValidators}.
     */
    @Bean
    JwtDecoder jwtDecoder(
            SecuritySettings settings,
            DevIssuerSettings devIssuer,
            ObjectProvider<DevIssuerKey> devIssuerKey,
            OAuth2ResourceServerProperties resourceServer,
            ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        OAuth2ResourceServerProperties.Jwt external = resourceServer.getJwt();
        if (devIssuer.enabled()) {
            if (StringUtils.hasText(external.getIssuerUri()) || StringUtils.hasText(external.getJwkSetUri())) {
                throw new InvalidSettingException(
                        "interdict.dev-issuer.enabled",
                        "must be false when " + ISSUER_URI + " or jwk-set-uri names an external issuer");
            }
            NimbusJwtDecoder decoder = new NimbusJwtDecoder(inProcessVerifier(settings, devIssuerKey.getObject()));
            OAuth2TokenValidator<Jwt> claims = TokenValidators.forIssuer(devIssuer.issuer(), settings, time);
            decoder.setJwtValidator(claims);
            return new VerifyingJwtDecoder(remembering(decoder, claims, settings, time));
        }
        String issuer = external.getIssuerUri();
        if (!StringUtils.hasText(issuer)) {
            throw new InvalidSettingException(
                    ISSUER_URI,
                    "is required when interdict.dev-issuer.enabled=false: tokens are accepted from one named"
                            + " issuer only");
        }
        String jwkSetUri = external.getJwkSetUri();
        // Keys are fetched on first use, so the gateway can start before its issuer (NOTES-STACK.md).
        OAuth2TokenValidator<Jwt> claims = TokenValidators.forIssuer(issuer, settings, time);
        return new VerifyingJwtDecoder(remembering(
                new SupplierJwtDecoder(() -> {
                    NimbusJwtDecoder decoder = (StringUtils.hasText(jwkSetUri)
                                    ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                                    : NimbusJwtDecoder.withIssuerLocation(issuer))
                            .jwsAlgorithms(algorithms -> settings.algorithms().stream()
                                    .map(SignatureAlgorithm::from)
                                    .forEach(algorithms::add))
                            .build();
                    decoder.setJwtValidator(claims);
                    return decoder;
                }),
                claims,
                settings,
                time));
    }

    /** The verifier, remembering the tokens it verified unless that is switched off ({@link VerifiedTokens}). */
    private static JwtDecoder remembering(
            JwtDecoder verifier, OAuth2TokenValidator<Jwt> claims, SecuritySettings settings, Clock time) {
        return settings.verifiedTokens() == 0
                ? verifier
                : new VerifiedTokens(verifier, claims, settings.verifiedTokens(), time);
    }

    private static DefaultJWTProcessor<SecurityContext> inProcessVerifier(SecuritySettings settings, DevIssuerKey key) {
        Set<JWSAlgorithm> algorithms =
                settings.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                algorithms, new ImmutableJWKSet<>(new JWKSet(key.signingKey().toPublicJWK()))));
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        // Claims are checked by TokenValidators, with messages of our own.
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        return processor;
    }
}
