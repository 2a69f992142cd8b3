package io.interdict.gateway.share;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.record.SignedRecord;
import io.interdict.domain.policy.ShareVisibilityPolicy;
import io.interdict.domain.policy.ShareVisibilityPolicy.Reader;
import io.interdict.domain.policy.ShareVisibilityPolicy.ShareFacts;
import io.interdict.domain.share.AmendIntelligenceShare;
import io.interdict.domain.share.ExtendShareAudience;
import io.interdict.domain.share.ProviderActionType;
import io.interdict.domain.share.RecordProviderAction;
import io.interdict.domain.share.ShareContent;
import io.interdict.domain.share.WithdrawIntelligenceShare;
import io.interdict.gateway.idempotency.IdempotencyKeys;
import io.interdict.gateway.idempotency.IdempotentCommands;
import io.interdict.gateway.idempotency.IdempotentCommands.Response;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.record.SignedRecords;
import io.interdict.gateway.share.CurrentShares.CurrentShare;
import io.interdict.gateway.share.ShareChecks.SubmitterSignature;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The rest of a share's life (PRODUCT.md §6): amendment, audience extension, withdrawal and the
 * provider's actions. Each runs through {@link IdempotentCommands}, so an Idempotency-Key makes a
 * retry safe and the events and the key's record commit together.
 *
 * <p>Before the command: a share the caller cannot see (§3) is a 404, as if it did not exist; one it
 * sees but did not provide is a 403 (the aggregate enforces the same rule). Then the same checks as
 * a push ({@link ShareChecks}): the submitter signature of an amendment, and the agreements for the
 * amended audience, kind and marking, or for the recipients added. The answer is the signed record
 * of the event the command produced.
 */
@Component
public class ShareChanges {

    private final SharePushes pushes;
    private final CurrentShares shares;
    private final ShareChecks checks;
    private final IdempotentCommands idempotent;
    private final CommandGateway commands;
    private final SignedRecords records;
    private final Clock clock;
    private final ShareVisibilityPolicy visibility = new ShareVisibilityPolicy();

    ShareChanges(
            SharePushes pushes,
            CurrentShares shares,
            ShareChecks checks,
            IdempotentCommands idempotent,
            CommandGateway commands,
            SignedRecords records,
            Clock clock) {
        this.pushes = pushes;
        this.shares = shares;
        this.checks = checks;
        this.idempotent = idempotent;
        this.commands = commands;
        this.records = records;
        this.clock = clock;
    }

    /** A new version: 201 with the IntelligenceShareAmended record, located at {@code ?version=n}. */
    public Response amend(
            String partnerId,
            String shareId,
            JsonNode body,
            ShareContent content,
            String signature,
            String idempotencyKey) {
        String digest = IdempotencyKeys.digest("amend " + shareId, body, signature);
        return idempotent.run(partnerId, idempotencyKey, digest, () -> {
            PartnerProfile partner = pushes.caller(partnerId);
            CurrentShare share = providedBy(partner, shareId, "amend");
            Instant now = clock.instant();
            SubmitterSignature signed = checks.signature(partner, signature, Jcs.canonicalize(body), now, "amendment");
            checks.requireAgreements(share.provider(), content.audience(), content.kind(), content.marking(), now);
            commands.sendAndWait(new AmendIntelligenceShare(
                    shareId, content, signed.jws(), signed.keyId(), signed.signedBody(), partner.actor()));
            SignedRecord record = produced(shareId);
            int version = record.payload().path("version").asInt();
            return new Response(201, record.toJson(), "/api/v1/shares/" + shareId + "?version=" + version);
        });
    }

    /** More recipients: 200 with the IntelligenceShareAudienceExtended record. */
    public Response extendAudience(
            String partnerId, String shareId, JsonNode body, Set<String> recipients, String idempotencyKey) {
        String digest = IdempotencyKeys.digest("audience " + shareId, body);
        return idempotent.run(partnerId, idempotencyKey, digest, () -> {
            PartnerProfile partner = pushes.caller(partnerId);
            CurrentShare share = providedBy(partner, shareId, "extend the audience of");
            Set<String> added = new TreeSet<>(recipients);
            added.removeAll(share.audience());
            checks.requireAgreements(share.provider(), added, share.kind(), share.marking(), clock.instant());
            commands.sendAndWait(new ExtendShareAudience(shareId, new TreeSet<>(recipients), partner.actor()));
            return ok(shareId);
        });
    }

    /** Withdrawal: 200 with the IntelligenceShareWithdrawn record; the audience still sees the share. */
    public Response withdraw(String partnerId, String shareId, JsonNode body, String reason, String idempotencyKey) {
        String digest = IdempotencyKeys.digest("withdraw " + shareId, body);
        return idempotent.run(partnerId, idempotencyKey, digest, () -> {
            PartnerProfile partner = pushes.caller(partnerId);
            providedBy(partner, shareId, "withdraw");
            commands.sendAndWait(new WithdrawIntelligenceShare(shareId, reason, partner.actor()));
            return ok(shareId);
        });
    }

    /** A provider action: 200 with the ProviderActionRecorded record. */
    public Response recordAction(
            String partnerId,
            String shareId,
            JsonNode body,
            ProviderActionType action,
            String details,
            String idempotencyKey) {
        String digest = IdempotencyKeys.digest("action " + shareId, body);
        return idempotent.run(partnerId, idempotencyKey, digest, () -> {
            PartnerProfile partner = pushes.caller(partnerId);
            providedBy(partner, shareId, "record an action on");
            commands.sendAndWait(new RecordProviderAction(shareId, action, details, partner.actor()));
            return ok(shareId);
        });
    }

    /** 404 when the caller cannot see the share (PRODUCT.md §3), 403 when it sees it but did not provide it. */
    private CurrentShare providedBy(PartnerProfile partner, String shareId, String action) {
        CurrentShare share = shares.find(shareId).orElseThrow(() -> ApiProblemException.notFound("share " + shareId));
        boolean visible = visibility
                .decide(
                        new Reader(partner.partnerId(), partner.kind(), partner.suspended(), true),
                        new ShareFacts(share.provider(), share.marking(), share.audience(), share.withdrawn()),
                        Set.of())
                .visible();
        if (!visible) {
            throw ApiProblemException.notFound("share " + shareId);
        }
        if (!share.provider().equals(partner.partnerId())) {
            throw new ApiProblemException(
                    ApiProblem.NOT_PERMITTED,
                    "only the provider " + share.provider() + " may " + action + " share " + shareId + "; found "
                            + partner.partnerId());
        }
        return share;
    }

    private Response ok(String shareId) {
        return new Response(200, produced(shareId).toJson(), null);
    }

    /** The event the command just appended, read in the same transaction. */
    private SignedRecord produced(String shareId) {
        return records.latest(shareId)
                .orElseThrow(() -> new IllegalStateException("share " + shareId + " has no readable events"));
    }
}
