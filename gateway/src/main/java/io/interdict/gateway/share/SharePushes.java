package io.interdict.gateway.share;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.record.SignedRecord;
import io.interdict.domain.share.PushIntelligenceShare;
import io.interdict.domain.share.ShareContent;
import io.interdict.gateway.axon.AxonConfiguration;
import io.interdict.gateway.idempotency.IdempotencyKeys;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.record.SignedRecords;
import io.interdict.gateway.share.ShareChecks.SubmitterSignature;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushing a share: the submitter signature, the sharing agreements in force ({@link ShareChecks}),
 * idempotency, the command, and the signed record that was stored. Nothing is stored unless every
 * check passed. The single push and every item of a batch go through {@link #push}.
 *
 * <p>Idempotency without a side table: with an {@code Idempotency-Key} the share's id is derived
 * from (partner, key), and the request's digest travels into the event's metadata. A retry finds
 * the share already created — in the same database, on any node, after any restart — and gets the
 * original record back; the same key with another body is refused. Two concurrent retries cannot
 * both create it: the event store's unique (aggregate, sequence) constraint lets exactly one in.
 */
@Component
public class SharePushes {

    /** The outcome of a push: the stored record, and whether this call created it. */
    public record Pushed(SignedRecord record, boolean created) {}

    private final PartnerRegistry registry;
    private final ShareChecks checks;
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final SignedRecords records;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SharePushes(
            PartnerRegistry registry,
            ShareChecks checks,
            CommandGateway commands,
            EventStore eventStore,
            SignedRecords records,
            JdbcTemplate jdbc,
            Clock clock) {
        this.registry = registry;
        this.checks = checks;
        this.commands = commands;
        this.eventStore = eventStore;
        this.records = records;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The calling partner as its own events say it is now; refused when it is not enrolled. */
    public PartnerProfile caller(String partnerId) {
        return registry.find(partnerId)
                .orElseThrow(() ->
                        new ApiProblemException(ApiProblem.NOT_PERMITTED, "partner " + partnerId + " is not enrolled"));
    }

    public Pushed push(String partnerId, JsonNode body, ShareContent content, String signature, String idempotencyKey) {
        return push(caller(partnerId), body, content, signature, idempotencyKey);
    }

    public Pushed push(
            PartnerProfile partner, JsonNode body, ShareContent content, String signature, String idempotencyKey) {
        String partnerId = partner.partnerId();
        byte[] canonicalBody = Jcs.canonicalize(body);
        String digest = IdempotencyKeys.digest(null, canonicalBody, signature);
        String shareId = shareId(partnerId, idempotencyKey);

        // Without a key the id is a fresh random UUID: there is nothing to replay.
        if (idempotencyKey != null) {
            Optional<Pushed> replay = replay(shareId, digest);
            if (replay.isPresent()) {
                return replay.get();
            }
        }

        Instant now = clock.instant();
        SubmitterSignature signed = checks.signature(partner, signature, canonicalBody, now, "push");
        checks.requireAgreements(partnerId, content.audience(), content.kind(), content.marking(), now);

        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AxonConfiguration.REQUEST_DIGEST, digest);
        if (idempotencyKey != null) {
            metaData.put(AxonConfiguration.IDEMPOTENCY_KEY, idempotencyKey);
        }
        PushIntelligenceShare command = new PushIntelligenceShare(
                shareId, content, signed.jws(), signed.keyId(), signed.signedBody(), partner.actor());
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metaData)));
        } catch (AggregateStreamCreationException e) {
            // A concurrent retry with the same key won the race; answer as a retry.
            return replay(shareId, digest).orElseThrow(() -> e);
        }
        SignedRecord record = records.find(shareId, 0)
                .orElseThrow(
                        () -> new IllegalStateException("share " + shareId + " was pushed but cannot be read back"));
        return new Pushed(record, true);
    }

    private Optional<Pushed> replay(String shareId, String digest) {
        if (eventStore.lastSequenceNumberFor(shareId).isEmpty()) {
            return Optional.empty();
        }
        String storedDigest = jdbc
                .query(
                        "select convert_from(meta_data, 'UTF8')::jsonb ->> ? from domain_event_entry"
                                + " where aggregate_identifier = ? and sequence_number = 0",
                        (row, n) -> row.getString(1),
                        AxonConfiguration.REQUEST_DIGEST,
                        shareId)
                .stream()
                .findFirst()
                .orElse(null);
        if (!digest.equals(storedDigest)) {
            throw new ApiProblemException(
                    ApiProblem.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was already used for a different request (share " + shareId + ")");
        }
        return records.find(shareId, 0).map(record -> new Pushed(record, false));
    }

    /** With a key, the id is a name-based UUID of (partner, key): the same retry maps to the same share. */
    static String shareId(String partnerId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        IdempotencyKeys.requireWellFormed(idempotencyKey);
        byte[] name = ("interdict-share:" + partnerId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(name).toString();
    }
}
