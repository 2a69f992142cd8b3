package io.interdict.gateway.share;

import io.interdict.config.SignatureSettings;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import io.interdict.domain.policy.AgreementFact;
import io.interdict.domain.policy.PolicyDecision;
import io.interdict.domain.policy.SharingAgreementPolicy;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The checks the gateway makes before any share command that states content or names recipients —
 * push, amendment, audience extension — in one place: the submitter signature (PRODUCT.md §4) and
 * the sharing agreements in force (§3, {@link SharingAgreementPolicy}).
 *
 * <p>Agreements come from the {@code sharing_agreement} read model, and a revocation is confirmed
 * from the agreement's own event stream: the read model may lag a revocation by a moment, the event
 * store never does, so a revoked agreement covers nothing from the next request on. (A newly signed
 * agreement is waited for by the admin endpoint that signs it.)
 */
@Component
class ShareChecks {

    /** What a verified submitter signature contributes to the command: all three, or none. */
    record SubmitterSignature(String jws, String keyId, String signedBody) {

        static final SubmitterSignature NONE = new SubmitterSignature(null, null, null);
    }

    private final SubmitterSignatures signatures;
    private final SignatureSettings signatureSettings;
    private final JdbcTemplate jdbc;
    private final SharingAgreementPolicy agreements = new SharingAgreementPolicy();

    ShareChecks(SubmitterSignatures signatures, SignatureSettings signatureSettings, JdbcTemplate jdbc) {
        this.signatures = signatures;
        this.signatureSettings = signatureSettings;
        this.jdbc = jdbc;
    }

    /**
     * Verifies {@code jws} over the canonical body, or refuses a missing one where the deployment
     * requires signatures. {@code what} names the request in the refusal ("push", "amendment").
     */
    SubmitterSignature signature(PartnerProfile partner, String jws, byte[] canonicalBody, Instant now, String what) {
        if (jws == null) {
            if (signatureSettings.required()) {
                throw new ApiProblemException(
                        ApiProblem.BAD_SIGNATURE,
                        "this gateway requires an Interdict-Signature header on every " + what);
            }
            return SubmitterSignature.NONE;
        }
        String keyId = signatures.verify(jws, canonicalBody, partner, now);
        return new SubmitterSignature(jws, keyId, new String(canonicalBody, StandardCharsets.UTF_8));
    }

    /** Refuses, naming the missing agreement, unless every recipient is covered at {@code now}. */
    void requireAgreements(String provider, Set<String> recipients, RecordKind kind, Tlp marking, Instant now) {
        if (recipients == null || recipients.isEmpty()) {
            return;
        }
        requireAgreements(provider, recipients, kind, marking, now, agreementsOf(provider, recipients, now));
    }

    /**
     * As {@link #requireAgreements(String, Set, RecordKind, Tlp, Instant)}, against agreements read
     * once by {@link #agreementsOf} for several pushes of one request (a batch).
     */
    void requireAgreements(
            String provider,
            Set<String> recipients,
            RecordKind kind,
            Tlp marking,
            Instant now,
            List<AgreementFact> agreementsRead) {
        if (recipients == null || recipients.isEmpty()) {
            return;
        }
        PolicyDecision decision = agreements.decide(provider, recipients, kind, marking, now, agreementsRead);
        if (decision.rejected()) {
            throw new ApiProblemException(ApiProblem.NO_AGREEMENT, decision.reason());
        }
    }

    /**
     * The agreements from {@code provider} to any of {@code recipients}, in one query: the read
     * model's rows, each with whether its own event stream holds a revocation. An agreement's stream
     * is SharingAgreementSigned (sequence 0), then at most SharingAgreementRevoked (sequence 1); one
     * the read model has not caught up with counts as revoked from {@code readAt} on.
     */
    List<AgreementFact> agreementsOf(String provider, Set<String> recipients, Instant readAt) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "select a.agreement_id, a.provider, a.recipient, a.kinds, a.max_marking, a.valid_from,"
                        + " a.valid_until, a.revoked_at, exists (select 1 from domain_event_entry e"
                        + " where e.aggregate_identifier = a.agreement_id and e.sequence_number > 0)"
                        + " from sharing_agreement a where a.provider = ? and a.recipient = any (?)",
                (row, n) -> {
                    Instant revokedAt = instant(row.getTimestamp(8));
                    boolean revokedInEventStore = row.getBoolean(9);
                    return new AgreementFact(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            kinds((String[]) row.getArray(4).getArray()),
                            Tlp.valueOf(row.getString(5)),
                            instant(row.getTimestamp(6)),
                            instant(row.getTimestamp(7)),
                            revokedAt == null && revokedInEventStore ? readAt : revokedAt);
                },
                provider,
                recipients.toArray(String[]::new));
    }

    private static Set<RecordKind> kinds(String[] names) {
        EnumSet<RecordKind> kinds = EnumSet.noneOf(RecordKind.class);
        for (String name : names) {
            kinds.add(RecordKind.valueOf(name));
        }
        return kinds;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
