package io.interdict.gateway.share;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.record.SignedRecord;
import io.interdict.domain.policy.AgreementFact;
import io.interdict.domain.share.PushIntelligenceShare;
import io.interdict.domain.share.ShareContent;
import io.interdict.domain.share.ShareContentRules;
import io.interdict.gateway.axon.AxonConfiguration;
import io.interdict.gateway.axon.EventStoreJson;
import io.interdict.gateway.idempotency.IdempotencyKeys;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.record.AppendedRecords;
import io.interdict.gateway.record.SignedRecords;
import io.interdict.gateway.share.ShareChecks.SubmitterSignature;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pushing a share: the submitter signature, the sharing agreements in force ({@link ShareChecks}),
 * idempotency, the command, and the signed record that was stored. Nothing is stored unless every
 * check passed. The single push goes through {@link #push}, a batch through {@link #pushAll}.
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
    public record Outcome(Pushed pushed, RuntimeException refused) {

        static Outcome of(Pushed pushed) {
            return new Outcome(pushed, null);
        }

        static Outcome refusedBy(RuntimeException refusal) {
            return new Outcome(null, refusal);
        }
    }

    /** A push as its request says: the canonical body, the request digest and the share id. */
    private record Identified(byte[] canonicalBody, String digest, String shareId) {}

    /** The first event of a share that is already stored: the request digest it was pushed with. */
    private record Stored(String digest, SignedRecord record) {}

    private static final Logger log = LoggerFactory.getLogger(SharePushes.class);

    private final PartnerRegistry registry;
    private final ShareChecks checks;
    private final CommandGateway commands;
    private final SignedRecords records;
    private final AppendedRecords appended;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final EntityManagerProvider entityManagers;
    private final ObjectMapper storeJson = EventStoreJson.newMapper();

    SharePushes(
            PartnerRegistry registry,
            ShareChecks checks,
            CommandGateway commands,
            SignedRecords records,
            AppendedRecords appended,
            JdbcTemplate jdbc,
            Clock clock,
            PlatformTransactionManager transactionManager,
            EntityManagerProvider entityManagers) {
        this.registry = registry;
        this.checks = checks;
        this.commands = commands;
        this.records = records;
        this.appended = appended;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.entityManagers = entityManagers;
    }

    /** The calling partner as its own events say it is now; refused when it is not enrolled. */
    public PartnerProfile caller(String partnerId) {
        return registry.findCaller(partnerId)
                .orElseThrow(() ->
                        new ApiProblemException(ApiProblem.NOT_PERMITTED, "partner " + partnerId + " is not enrolled"));
    }

    public Pushed push(String partnerId, JsonNode body, ShareContent content, String signature, String idempotencyKey) {
        return push(caller(partnerId), body, content, signature, idempotencyKey);
    }

    public Pushed push(
            PartnerProfile partner, JsonNode body, ShareContent content, String signature, String idempotencyKey) {
        Identified push = identify(partner, body, signature, idempotencyKey);

        // Without a key the id is a fresh random UUID: there is nothing to replay.
        if (idempotencyKey != null) {
            Optional<Stored> stored =
                    Optional.ofNullable(storedFirst(List.of(push.shareId())).get(push.shareId()));
            if (stored.isPresent()) {
                return replay(push, stored.get());
            }
        }

        Instant now = clock.instant();
        CommandMessage<?> command = checked(
                partner,
                push,
                content,
                signature,
                idempotencyKey,
                now,
                checks.agreementsOf(partner.partnerId(), audience(content), now));
        try {
            return new Pushed(send(push.shareId(), command), true);
        } catch (AggregateStreamCreationException e) {
            // A concurrent retry with the same key won the race; answer as a retry.
            Stored stored = storedFirst(List.of(push.shareId())).get(push.shareId());
            if (stored == null) {
                throw e;
            }
            return replay(push, stored);
        }
    }

    /**
     * Pushes every item of a batch, answering one outcome per item in order, each exactly what
     * {@link #push} would answer for it on its own. What differs is the work: every check that can
     * refuse an item — idempotency replay, submitter signature, agreements (read once for the whole
     * batch), the share content's own rules — is made first, and the items that passed are then
     * stored in one transaction, one commit for the batch instead of one per share.
     *
     * <p>Should anything still fail inside that transaction — a concurrent request creating the same
     * share, a rule the aggregate applies at its own instant, a database error — the transaction is
     * rolled back, nothing of it is stored, and those items are pushed again one by one through
     * {@link #push}, each in its own transaction as before. An item that repeats the share id of an
     * earlier item (the same Idempotency-Key) is pushed after the others, as the retry it is. When the
     * commit itself fails, whether it happened is unknown (as for a single push whose commit fails):
     * those items report that failure and are not pushed again.
     */
    public List<Outcome> pushAll(PartnerProfile partner, List<Item> items) {
        int count = items.size();
        Outcome[] outcomes = new Outcome[count];
        Identified[] pushes = new Identified[count];
        List<Integer> retries = new ArrayList<>();
        Set<String> shareIds = new HashSet<>();
        List<String> keyed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Item item = items.get(i);
            try {
                pushes[i] = identify(partner, item.body(), item.signature(), item.idempotencyKey());
            } catch (RuntimeException refused) {
                outcomes[i] = Outcome.refusedBy(refused);
                continue;
            }
            if (!shareIds.add(pushes[i].shareId())) {
                retries.add(i);
                pushes[i] = null;
            } else if (item.idempotencyKey() != null) {
                keyed.add(pushes[i].shareId());
            }
        }

        Map<String, Stored> stored = storedFirst(keyed);
        Set<String> recipients = new HashSet<>();
        for (int i = 0; i < count; i++) {
            if (pushes[i] != null && stored.containsKey(pushes[i].shareId())) {
                outcomes[i] = replayOutcome(pushes[i], stored.get(pushes[i].shareId()));
                pushes[i] = null;
            } else if (pushes[i] != null) {
                recipients.addAll(audience(items.get(i).content()));
            }
        }

        List<AgreementFact> agreements = checks.agreementsOf(partner.partnerId(), recipients, clock.instant());
        List<Integer> sending = new ArrayList<>(count);
        List<CommandMessage<?>> commandsToSend = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (pushes[i] == null) {
                continue;
            }
            Item item = items.get(i);
            try {
                Instant now = clock.instant();
                CommandMessage<?> command = checked(
                        partner, pushes[i], item.content(), item.signature(), item.idempotencyKey(), now, agreements);
                ShareContentRules.validated(item.content(), now);
                sending.add(i);
                commandsToSend.add(command);
            } catch (RuntimeException refused) {
                outcomes[i] = Outcome.refusedBy(refused);
            }
        }

        if (!sending.isEmpty()) {
            storeTogether(partner, items, sending, commandsToSend, pushes, outcomes);
        }
        for (int i : retries) {
            outcomes[i] = pushAlone(partner, items.get(i));
        }
        return Arrays.asList(outcomes);
    }

    /** Sends the checked items in one transaction; on a failure inside it, pushes them one by one. */
    private void storeTogether(
            PartnerProfile partner,
            List<Item> items,
            List<Integer> sending,
            List<CommandMessage<?>> commandsToSend,
            Identified[] pushes,
            Outcome[] outcomes) {
        boolean[] allSent = {false};
        try {
            List<SignedRecord> created = transactions.execute(status -> {
                List<SignedRecord> done = new ArrayList<>(sending.size());
                for (int k = 0; k < sending.size(); k++) {
                    done.add(send(pushes[sending.get(k)].shareId(), commandsToSend.get(k)));
                    // Each item's events are flushed as it is sent and never read through JPA again;
                    // left managed, every earlier one would be dirty-checked at each later flush.
                    entityManagers.getEntityManager().clear();
                }
                allSent[0] = true;
                return done;
            });
            for (int k = 0; k < sending.size(); k++) {
                outcomes[sending.get(k)] = Outcome.of(new Pushed(created.get(k), true));
            }
        } catch (RuntimeException failed) {
            log.info(
                    "A batch of {} failed {} ({}); {}",
                    partner.partnerId(),
                    allSent[0] ? "to commit" : "inside its shared transaction",
                    failed.toString(),
                    allSent[0] ? "its items report the failure" : "storing its items one by one");
            for (int i : sending) {
                outcomes[i] = allSent[0] ? Outcome.refusedBy(failed) : pushAlone(partner, items.get(i));
            }
        }
    }

    private Outcome pushAlone(PartnerProfile partner, Item item) {
        try {
            return Outcome.of(push(partner, item.body(), item.content(), item.signature(), item.idempotencyKey()));
        } catch (RuntimeException refused) {
            return Outcome.refusedBy(refused);
        }
    }

    private Identified identify(PartnerProfile partner, JsonNode body, String signature, String idempotencyKey) {
        byte[] canonicalBody = Jcs.canonicalize(body);
        String digest = IdempotencyKeys.digest(null, canonicalBody, signature);
        return new Identified(canonicalBody, digest, shareId(partner.partnerId(), idempotencyKey));
    }

    /** The signature and the agreements checked, the command to send; refused with the reason otherwise. */
    private CommandMessage<?> checked(
            PartnerProfile partner,
            Identified push,
            ShareContent content,
            String signature,
            String idempotencyKey,
            Instant now,
            List<AgreementFact> agreements) {
        SubmitterSignature signed = checks.signature(partner, signature, push.canonicalBody(), now, "push");
        checks.requireAgreements(
                partner.partnerId(), content.audience(), content.kind(), content.marking(), now, agreements);
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AxonConfiguration.REQUEST_DIGEST, push.digest());
        if (idempotencyKey != null) {
            metaData.put(AxonConfiguration.IDEMPOTENCY_KEY, idempotencyKey);
        }
        PushIntelligenceShare command = new PushIntelligenceShare(
                push.shareId(), content, signed.jws(), signed.keyId(), signed.signedBody(), partner.actor());
        return GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metaData));
    }

    /** Sends the push and answers with the record of the event it stored, as it was appended. */
    private SignedRecord send(String shareId, CommandMessage<?> command) {
        List<SignedRecord> stored = appended.of(shareId, () -> commands.sendAndWait(command));
        if (!stored.isEmpty()) {
            return stored.get(0);
        }
        return records.find(shareId, 0)
                .orElseThrow(
                        () -> new IllegalStateException("share " + shareId + " was pushed but cannot be read back"));
    }

    private Pushed replay(Identified push, Stored stored) {
        if (!push.digest().equals(stored.digest())) {
            throw new ApiProblemException(
                    ApiProblem.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was already used for a different request (share " + push.shareId() + ")");
        }
        return new Pushed(stored.record(), false);
    }

    private Outcome replayOutcome(Identified push, Stored stored) {
        try {
            return Outcome.of(replay(push, stored));
        } catch (RuntimeException refused) {
            return Outcome.refusedBy(refused);
        }
    }

    /** The first events of those shares that exist, by share id, in one query. */
    private Map<String, Stored> storedFirst(List<String> shareIds) {
        if (shareIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Stored> stored = new HashMap<>();
        jdbc.query(
                "select " + SignedRecords.prefixedColumns("e") + " from domain_event_entry e"
                        + " where e.aggregate_identifier = any (?) and e.sequence_number = 0",
                row -> {
                    SignedRecord record = records.fromRow(row, 0);
                    stored.put(record.aggregateId(), new Stored(requestDigest(row.getBytes("meta_data")), record));
                },
                (Object) shareIds.toArray(String[]::new));
        return stored;
    }

    private String requestDigest(byte[] metaData) {
        if (metaData == null) {
            return null;
        }
        try {
            JsonNode digest = storeJson.readTree(metaData).path(AxonConfiguration.REQUEST_DIGEST);
            return digest.isTextual() ? digest.asText() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("stored event metadata is not readable JSON", e);
        }
    }

    private static Set<String> audience(ShareContent content) {
        return content.audience() == null ? Set.of() : content.audience();
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
