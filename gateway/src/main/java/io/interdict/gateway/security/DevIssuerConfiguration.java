package io.interdict.gateway.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.interdict.config.DevIssuerSettings;
import io.interdict.config.SecuritySettings;
import io.interdict.gateway.startup.DataDirectory;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The built-in development identity provider (PRODUCT.md §6, "Out of the box"; ADR 0003): Spring
 * Authorization Server answering {@code POST /oauth2/token} with client-credentials RS256 JWTs for
 * the demo partners ({@link DevClients}), {@code aud} set to the gateway's audience, signed with the
 * key kept in the data directory. Its filter chain comes before the API's (declaring our own chain
 * removes Boot's default one, NOTES-STACK.md). Absent when {@code interdict.dev-issuer.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "interdict.dev-issuer", name = "enabled", havingValue = "true", matchIfMissing = true)
class DevIssuerConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain devIssuerSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer =
                OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(
                        authorizationServer,
                        server -> server.tokenEndpoint(
                                token -> token.accessTokenRequestConverter(new AllRegisteredScopesByDefault())))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(new ProblemAuthenticationEntryPoint(problems)));
        return http.build();
    }

    /** Issued tokens are not recorded ({@link UnrecordedAuthorizations}): no memory growth per token. */
    @Bean
    OAuth2AuthorizationService devIssuerAuthorizations() {
        return new UnrecordedAuthorizations();
    }

    @Bean
    DevIssuerKey devIssuerKey(DataDirectory dataDirectory, DevIssuerSettings settings) {
        // One key file shared by several nodes makes every node accept the tokens of every other.
        return new DevIssuerKey(DevIssuerKeyFile.loadOrCreate(
                settings.keyFile() != null
                        ? settings.keyFile()
                        : dataDirectory.resolve(DevIssuerKeyFile.RELATIVE_PATH)));
    }

    @Bean
    JWKSource<SecurityContext> devIssuerJwkSource(DevIssuerKey key) {
        return new ImmutableJWKSet<>(new JWKSet(key.signingKey()));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(DevIssuerSettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
    }

    /** The demo clients; their documented secrets are kept only as bcrypt hashes. */
    @Bean
    RegisteredClientRepository registeredClientRepository(DevIssuerSettings settings) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(settings.tokenTtl())
                .build();
        List<RegisteredClient> clients = DevClients.ALL.stream()
                .map(client -> RegisteredClient.withId(client.clientId())
                        .clientId(client.clientId())
                        .clientSecret("{bcrypt}" + bcrypt.encode(client.devSecret()))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scopes(scopes -> scopes.addAll(client.scopes()))
                        .tokenSettings(tokens)
                        .clientSettings(ClientSettings.builder()
                                .requireAuthorizationConsent(false)
                                .build())
                        .build())
                .toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** Access tokens name the gateway as their audience, which the resource server requires. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accessTokenAudience(SecuritySettings security) {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of(security.audience()));
            }
        };
    }
}
