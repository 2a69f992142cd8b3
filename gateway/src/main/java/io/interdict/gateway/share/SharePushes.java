package io.interdict.gateway.share;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.record.SignedRecord;
import io.interdict.config.SigningSettings;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import io.interdict.domain.policy.AgreementFact;
import io.interdict.domain.policy.PolicyDecision;
import io.interdict.domain.policy.SharingAgreementPolicy;
import io.interdict.domain.share.PushIntelligenceShare;
import io.interdict.domain.share.ShareContent;
import io.interdict.gateway.axon.AxonConfiguration;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.record.SignedRecords;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushing a share: the submitter signature, the sharing agreements in force, idempotency, the
 * command, and the signed record that was stored. Nothing is stored unless every check passed.
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

    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final PartnerRegistry registry;
    private final SubmitterSignatures signatures;
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final SignedRecords records;
    private final JdbcTemplate jdbc;
    private final SigningSettings signing;
    private final Clock clock;
    private final SharingAgreementPolicy agreements = new SharingAgreementPolicy();

    SharePushes(
            PartnerRegistry registry,
            SubmitterSignatures signatures,
            CommandGateway commands,
            EventStore eventStore,
            SignedRecords records,
            JdbcTemplate jdbc,
            SigningSettings signing,
            Clock clock) {
        this.registry = registry;
        this.signatures = signatures;
        this.commands = commands;
        this.eventStore = eventStore;
        this.records = records;
        this.jdbc = jdbc;
        this.signing = signing;
        this.clock = clock;
    }

    public Pushed push(String partnerId, JsonNode body, ShareContent content, String signature, String idempotencyKey) {
        PartnerProfile partner = registry.find(partnerId)
                .orElseThrow(() ->
                        new ApiProblemException(ApiProblem.NOT_PERMITTED, "partner " + partnerId + " is not enrolled"));
        byte[] canonicalBody = Jcs.canonicalize(body);
        String digest = digest(canonicalBody, signature);
        String shareId = shareId(partnerId, idempotencyKey);

        Optional<Pushed> replay = replay(shareId, digest);
        if (replay.isPresent()) {
            return replay.get();
        }

        Instant now = clock.instant();
        String keyId = null;
        if (signature != null) {
            keyId = signatures.verify(signature, canonicalBody, partner, now);
        } else if (signing.signaturesRequired()) {
            throw new ApiProblemException(
                    ApiProblem.BAD_SIGNATURE, "this gateway requires an Interdict-Signature header on every push");
        }
        PolicyDecision decision = agreements.decide(
                partnerId, content.audience(), content.kind(), content.marking(), now, agreementsOf(partnerId));
        if (decision.rejected()) {
            throw new ApiProblemException(ApiProblem.NO_AGREEMENT, decision.reason());
        }

        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AxonConfiguration.REQUEST_DIGEST, digest);
        if (idempotencyKey != null) {
            metaData.put(AxonConfiguration.IDEMPOTENCY_KEY, idempotencyKey);
        }
        PushIntelligenceShare command = new PushIntelligenceShare(
                shareId,
                content,
                signature,
                keyId,
                signature == null ? null : new String(canonicalBody, StandardCharsets.UTF_8),
                partner.actor());
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

    private List<AgreementFact> agreementsOf(String provider) {
        return jdbc.query(
                "select agreement_id, provider, recipient, kinds, max_marking, valid_from, valid_until, revoked_at"
                        + " from sharing_agreement where provider = ?",
                (row, n) -> new AgreementFact(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        kinds((String[]) row.getArray(4).getArray()),
                        Tlp.valueOf(row.getString(5)),
                        instant(row.getTimestamp(6)),
                        instant(row.getTimestamp(7)),
                        instant(row.getTimestamp(8))),
                provider);
    }

    /** With a key, the id is a name-based UUID of (partner, key): the same retry maps to the same share. */
    static String shareId(String partnerId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new ApiProblemException(
                    ApiProblem.MALFORMED_REQUEST, "Idempotency-Key: expected 1 to 255 visible ASCII characters");
        }
        byte[] name = ("interdict-share:" + partnerId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(name).toString();
    }

    private static String digest(byte[] canonicalBody, String signature) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(canonicalBody);
            sha256.update((byte) '\n');
            if (signature != null) {
                sha256.update(signature.getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static Set<RecordKind> kinds(String[] names) {
        java.util.EnumSet<RecordKind> kinds = java.util.EnumSet.noneOf(RecordKind.class);
        for (String name : names) {
            kinds.add(RecordKind.valueOf(name));
        }
        return kinds;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
