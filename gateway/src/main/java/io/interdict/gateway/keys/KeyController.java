package io.interdict.gateway.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.jose.InvalidJwkException;
import io.interdict.audit.jose.Jwk;
import io.interdict.audit.jose.PublishedKey;
import io.interdict.domain.partner.RegisterPartnerSigningKey;
import io.interdict.domain.partner.RevokePartnerSigningKey;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.security.AuthenticatedPartner;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing keys (PRODUCT.md §4, §6): the public JWK set of gateway and partner keys, with validity
 * and revocation times, and the partner's own key registration and revocation.
 */
@RestController
class KeyController {

    static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final PartnerRegistry registry;
    private final Clock clock;
    private final PublishedKeys publishedKeys;

    KeyController(
            JdbcTemplate jdbc,
            CommandGateway commands,
            PartnerRegistry registry,
            Clock clock,
            PublishedKeys publishedKeys) {
        this.jdbc = jdbc;
        this.publishedKeys = publishedKeys;
        this.commands = commands;
        this.registry = registry;
        this.clock = clock;
    }

    /** Public: anyone may verify records offline with these keys. Revoked keys stay listed. */
    @GetMapping(
            path = "/api/v1/keys",
            produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<ObjectNode> keys() {
        return ResponseEntity.ok()
                .contentType(JWK_SET)
                .cacheControl(CacheControl.noCache())
                .body(publishedKeys.current().toJson());
    }

    @PostMapping(
            path = "/api/v1/partners/me/keys",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> register(AuthenticatedPartner caller, @RequestBody JsonNode body) {
        Jwk jwk;
        try {
            jwk = Jwk.parse(body);
        } catch (InvalidJwkException e) {
            throw new ApiProblemException(ApiProblem.INVALID_INPUT, e.getMessage());
        }
        PartnerProfile partner = partner(caller);
        String owner = jdbc
                .query("select partner_id from partner_key where kid = ?", (row, n) -> row.getString(1), jwk.kid())
                .stream()
                .findFirst()
                .orElse(null);
        if (owner != null && !owner.equals(partner.partnerId())) {
            throw new ApiProblemException(ApiProblem.CONFLICT, "key id '" + jwk.kid() + "' is taken; choose another");
        }
        Instant now = clock.instant();
        commands.sendAndWait(
                new RegisterPartnerSigningKey(partner.partnerId(), jwk.kid(), jwk.x(), now, partner.actor()));
        ObjectNode response = new PublishedKey(jwk, partner.partnerId(), now, null).toJson();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/partners/me/keys/" + jwk.kid()))
                .body(response);
    }

    @DeleteMapping("/api/v1/partners/me/keys/{kid}")
    ResponseEntity<Void> revoke(AuthenticatedPartner caller, @PathVariable String kid) {
        PartnerProfile partner = partner(caller);
        if (!partner.keys().containsKey(kid)) {
            throw ApiProblemException.notFound("key '" + kid + "'");
        }
        commands.sendAndWait(
                new RevokePartnerSigningKey(partner.partnerId(), kid, "revoked by its owner", partner.actor()));
        return ResponseEntity.noContent().build();
    }

    private PartnerProfile partner(AuthenticatedPartner caller) {
        return registry.find(caller.partnerId())
                .orElseThrow(() -> new ApiProblemException(
                        ApiProblem.NOT_PERMITTED, "partner " + caller.partnerId() + " is not enrolled"));
    }
}
