package io.interdict.gateway.partner;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * from the event store, never from a lagging projection, so a suspension or a key revocation holds
 * from the very next request on every node.
 *
 * <p>Every lookup asks the store how long the partner's stream is now (one index-only query). A
 * profile built from exactly that many events is the partner as it is now — the event store is
 * append-only (V2 migration), so the same stream length means the same events — and is answered
 * from memory; a longer stream is read again in full. So the cache saves reading and deserialising
 * the stream, never the question whether it grew.
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

    /** A profile and the sequence number of the last event it was built from. */
    private record Known(long sequence, PartnerProfile profile) {}

    private static final String CALLER_ATTRIBUTE = PartnerRegistry.class.getName() + ".caller.";

    /** Partners known at once, at most: far more than any deployment enrols. */
    private static final int KNOWN_PARTNERS = 10_000;

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Cache<String, Known> known = Caffeine.newBuilder()
            .maximumSize(KNOWN_PARTNERS)
            .executor(Runnable::run)
            .build();

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
        Long latest = jdbc.queryForObject(
                "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class,
                partnerId);
        if (latest == null) {
            return Optional.empty();
        }
        Known remembered = known.getIfPresent(partnerId);
        if (remembered != null && remembered.sequence() == latest) {
            return Optional.of(remembered.profile());
        }
        // From the first event, not from a snapshot: the stream is read as events (a Partner is never
        // snapshotted), and asking for a snapshot first would cost a query that always finds none.
        DomainEventStream stream = eventStore.readEvents(partnerId, 0);
        PartnerEnrolled enrolled = null;
        boolean suspended = false;
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        long sequence = -1;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            sequence = message.getSequenceNumber();
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
        PartnerProfile profile = new PartnerProfile(
                enrolled.partnerId(),
                enrolled.kind(),
                enrolled.displayName(),
                // Shared by the requests that find this profile, so nothing may change it.
                enrolled.roles() == null ? null : Collections.unmodifiableSet(enrolled.roles()),
                suspended,
                Collections.unmodifiableMap(keys));
        // The stream may have grown since the length was asked: the profile is of what was read.
        known.asMap()
                .merge(
                        partnerId,
                        new Known(sequence, profile),
                        (kept, read) -> kept.sequence() > read.sequence() ? kept : read);
        return Optional.of(profile);
    }
}
