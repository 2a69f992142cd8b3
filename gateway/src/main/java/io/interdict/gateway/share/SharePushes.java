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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    /** One push of a batch, read and validated as a request. */
    public record Item(JsonNode body, ShareContent content, String signature, String idempotencyKey) {}

    /** What became of one item of a batch: pushed, or refused with the exception that says why. */
    public record ItemOutcome(Pushed pushed, RuntimeException refused) {}

    private final PartnerRegistry registry;
    private final ShareChecks checks;
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final SignedRecords records;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final EntityManagerProvider entityManagers;

    SharePushes(
            PartnerRegistry registry,
            ShareChecks checks,
            CommandGateway commands,
            EventStore eventStore,
            SignedRecords records,
            JdbcTemplate jdbc,
            Clock clock,
            PlatformTransactionManager transactionManager,
            EntityManagerProvider entityManagers) {
        this.registry = registry;
        this.checks = checks;
        this.commands = commands;
        this.eventStore = eventStore;
        this.records = records;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.entityManagers = entityManagers;
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

    /**
     * Pushes every item of a batch, answering one outcome per item in order. Each item is checked
     * exactly as a single push ({@link #push}); what differs is the transaction: all items go in
     * one, so a batch of n shares costs one commit instead of n (the commit and its WAL flush
     * dominated a batch pushed item by item).
     *
     * <p>An item refused by the gateway's own checks (signature, agreements, idempotency key reuse)
     * is refused before it writes anything, so it fails alone and the others stay in the
     * transaction. Anything else — a domain rule refusing a command, a concurrent retry winning an
     * idempotency race, a database error — rolls the shared transaction back, and the batch is
     * then pushed again item by item, each in its own transaction as before, so that one bad item
     * still stops nothing else and leaves nothing behind.
     */
    public List<ItemOutcome> pushAll(PartnerProfile partner, List<Item> items) {
        try {
            List<ItemOutcome> outcomes = transactions.execute(status -> {
                List<ItemOutcome> done = new ArrayList<>(items.size());
                for (Item item : items) {
                    try {
                        done.add(new ItemOutcome(pushOne(partner, item), null));
                    } catch (ApiProblemException refusedBeforeWriting) {
                        done.add(new ItemOutcome(null, refusedBeforeWriting));
                    }
                    // The event store appends through JPA and flushes each item; what it flushed is
                    // never read through JPA again, and left managed it would be dirty-checked at
                    // every later flush of the batch (quadratic in the batch size).
                    entityManagers.getEntityManager().clear();
                }
                return done;
            });
            return List.copyOf(outcomes);
        } catch (RuntimeException oneItemSpoiledTheTransaction) {
            List<ItemOutcome> outcomes = new ArrayList<>(items.size());
            for (Item item : items) {
                try {
                    outcomes.add(new ItemOutcome(pushOne(partner, item), null));
                } catch (RuntimeException refused) {
                    outcomes.add(new ItemOutcome(null, refused));
                }
            }
            return outcomes;
        }
    }

    private Pushed pushOne(PartnerProfile partner, Item item) {
        return push(partner, item.body(), item.content(), item.signature(), item.idempotencyKey());
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
