package io.interdict.audit.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published key set {@code {"keys":[...]}} (RFC 7517 section 5) of gateway and partner keys,
 * and the key resolvers that verification uses. Key ids are unique across the set.
 */
public final class JwkSet {

    private final Map<String, PublishedKey> byKid;

    private JwkSet(Map<String, PublishedKey> byKid) {
        this.byKid = byKid;
    }

    public static JwkSet of(List<PublishedKey> keys) {
        Map<String, PublishedKey> byKid = new LinkedHashMap<>();
        for (PublishedKey key : keys) {
            if (byKid.putIfAbsent(key.kid(), key) != null) {
                throw new InvalidJwkException(
                        "expected unique key ids in the JWK set, found \"" + key.kid() + "\" twice");
            }
        }
        return new JwkSet(byKid);
    }

    public static JwkSet parse(JsonNode json) {
        if (json == null || !json.isObject() || !json.path("keys").isArray()) {
            throw new InvalidJwkException("expected a JWK set {\"keys\":[...]} (RFC 7517 section 5), found "
                    + (json == null ? "nothing" : json.getNodeType() + " without a \"keys\" array"));
        }
        List<PublishedKey> keys = new ArrayList<>();
        int index = 0;
        for (JsonNode key : json.get("keys")) {
            try {
                keys.add(PublishedKey.parse(key));
            } catch (InvalidJwkException e) {
                throw new InvalidJwkException("keys[" + index + "]: " + e.getMessage());
            }
            index++;
        }
        return of(keys);
    }

    public List<PublishedKey> keys() {
        return List.copyOf(byKid.values());
    }

    public Optional<PublishedKey> find(String kid) {
        return Optional.ofNullable(byKid.get(kid));
    }

    public ObjectNode toJson() {
        ObjectNode json = Jcs.mapper().createObjectNode();
        ArrayNode keys = json.putArray("keys");
        byKid.values().forEach(key -> keys.add(key.toJson()));
        return json;
    }

    /**
     * Resolves keys owned by {@code owner} that were valid at {@code at}: another owner's key is
     * {@link KeyResolution.Unknown} (a partner cannot sign with someone else's key), a key outside
     * its window is {@link KeyResolution.NotValidAtTime}.
     */
    public KeyResolver resolverFor(String owner, Instant at) {
        return kid -> {
            PublishedKey key = byKid.get(kid);
            if (key == null) {
                return KeyResolution.unknown("unknown kid \"" + kid + "\"");
            }
            if (!key.owner().equals(owner)) {
                return KeyResolution.unknown(
                        "kid \"" + kid + "\" belongs to \"" + key.owner() + "\", expected a key of \"" + owner + "\"");
            }
            if (!key.isValidAt(at)) {
                return KeyResolution.notValidAtTime("kid \"" + kid + "\" is valid from " + key.validFrom()
                        + key.revocation()
                                .map(r -> " until its revocation at " + r)
                                .orElse("") + ", not at " + at);
            }
            return KeyResolution.found(key.jwk().verifier());
        };
    }
}
