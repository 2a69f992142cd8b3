package io.interdict.gateway.partner;

import io.interdict.domain.common.Actor;
import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.PartnerRole;
import io.interdict.domain.partner.PartnerEnrolled;
import io.interdict.domain.partner.PartnerReinstated;
import io.interdict.domain.partner.PartnerSigningKeyRegistered;
import io.interdict.domain.partner.PartnerSigningKeyRevoked;
import io.interdict.domain.partner.PartnerSuspended;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A partner as its own event stream says it is now: kind, roles, suspension and signing keys. Read
 * straight from the event store (one indexed query over a short stream), never from a cache or a
 * lagging projection, so a suspension or a key revocation holds from the very next request on every
 * node.
 */
@Component
public class PartnerRegistry {

    /** A signing key and its validity. */
    public record SigningKey(String kid, String publicKeyX, Instant validFrom, Instant revokedAt) {
        public boolean inForceAt(Instant at) {
            return !validFrom.isAfter(at) && (revokedAt == null || at.isBefore(revokedAt));
        }
    }

    /** The partner as of its latest event. */
    public record PartnerProfile(
            String partnerId,
            PartnerKind kind,
            String displayName,
            Set<PartnerRole> roles,
            boolean suspended,
            Map<String, SigningKey> keys) {

        public Actor actor() {
            return new Actor(partnerId, kind, roles, suspended);
        }
    }

    private static final String CALLER_ATTRIBUTE = PartnerRegistry.class.getName() + ".caller.";

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    public PartnerRegistry(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /**
     * The ids of every partner enrolled with {@code kind}, suspended or not, in id order: read from
     * the {@code PartnerEnrolled} events themselves (a partner's kind never changes), so an enrolment
     * counts from the moment its event is stored, with no projection to wait for.
     */
    public List<String> enrolledOfKind(PartnerKind kind) {
        return jdbc.queryForList(
                "select aggregate_identifier from domain_event_entry where payload_type = ?"
                        + " and convert_from(payload, 'UTF8')::jsonb ->> 'kind' = ? order by aggregate_identifier",
                String.class,
                PartnerEnrolled.class.getName(),
                kind.name());
    }

    /**
     * The calling partner of the current HTTP request: the profile the security filter read for this
     * request when it checked the caller is enrolled and not suspended ({@code RegistryPartnerStatuses}),
     * so a handler does not read the same stream again a moment later; read afresh when there is no
     * request or the filter did not look this partner up. Held by the request only, never across
     * requests. For the caller as the request found it, not after the request changed it.
     */
    public Optional<PartnerProfile> findCaller(String partnerId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || partnerId == null) {
            return find(partnerId);
        }
        String attribute = CALLER_ATTRIBUTE + partnerId;
        if (request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST) instanceof PartnerProfile looked) {
            return Optional.of(looked);
        }
        Optional<PartnerProfile> profile = find(partnerId);
        profile.ifPresent(found -> request.setAttribute(attribute, found, RequestAttributes.SCOPE_REQUEST));
        return profile;
    }

    public Optional<PartnerProfile> find(String partnerId) {
        if (partnerId == null || partnerId.isBlank()) {
            return Optional.empty();
        }
        // From the first event, not from a snapshot: the stream is read as events (a Partner is never
        // snapshotted), and asking for a snapshot first would cost a query that always finds none.
        DomainEventStream stream = eventStore.readEvents(partnerId, 0);
        PartnerEnrolled enrolled = null;
        boolean suspended = false;
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object event = message.getPayload();
            if (event instanceof PartnerEnrolled e) {
                enrolled = e;
            } else if (event instanceof PartnerSuspended) {
                suspended = true;
            } else if (event instanceof PartnerReinstated) {
                suspended = false;
            } else if (event instanceof PartnerSigningKeyRegistered e) {
                keys.put(e.kid(), new SigningKey(e.kid(), e.publicKeyX(), e.validFrom(), null));
            } else if (event instanceof PartnerSigningKeyRevoked e) {
                keys.computeIfPresent(
                        e.kid(), (kid, key) -> new SigningKey(kid, key.publicKeyX(), key.validFrom(), e.occurredAt()));
            }
        }
        if (enrolled == null) {
            return Optional.empty();
        }
        return Optional.of(new PartnerProfile(
                enrolled.partnerId(),
                enrolled.kind(),
                enrolled.displayName(),
                enrolled.roles(),
                suspended,
                Collections.unmodifiableMap(keys)));
    }
}
