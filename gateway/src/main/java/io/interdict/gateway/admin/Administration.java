package io.interdict.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.audit.record.SignedRecord;
import io.interdict.domain.agreement.RevokeSharingAgreement;
import io.interdict.domain.agreement.SharingAgreementSigned;
import io.interdict.domain.agreement.SignSharingAgreement;
import io.interdict.domain.common.Actor;
import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.PartnerRole;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import io.interdict.domain.partner.EnrolPartner;
import io.interdict.domain.partner.ReinstatePartner;
import io.interdict.domain.partner.SuspendPartner;
import io.interdict.gateway.idempotency.IdempotencyKeys;
import io.interdict.gateway.idempotency.IdempotentCommands;
import io.interdict.gateway.idempotency.IdempotentCommands.Response;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.record.SignedRecords;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/**
 * Operator commands (PRODUCT.md §6 {@code /admin}), each answered with the signed record of the
 * event it produced and made retry-safe by {@link IdempotentCommands}.
 *
 * <p>When the change holds: a partner's enrolment, suspension and reinstatement are read by the
 * security layer from the partner's own event stream ({@link PartnerRegistry}), so they hold from
 * the next request as soon as the command commits. An agreement's signing or revocation is answered
 * only once the {@code sharing_agreement} read model shows it ({@link AgreementReadModel}), and the
 * push check confirms revocations from the event store besides.
 */
@Component
public class Administration {

    /** The id the gateway acts under for bootstrap entries; no partner may take it. */
    private static final String RESERVED_ID = "gateway";

    private final PartnerRegistry registry;
    private final IdempotentCommands idempotent;
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final SignedRecords records;
    private final AgreementReadModel agreements;

    Administration(
            PartnerRegistry registry,
            IdempotentCommands idempotent,
            CommandGateway commands,
            EventStore eventStore,
            SignedRecords records,
            AgreementReadModel agreements) {
        this.registry = registry;
        this.idempotent = idempotent;
        this.commands = commands;
        this.eventStore = eventStore;
        this.records = records;
        this.agreements = agreements;
    }

    public Response enrol(
            String operatorId,
            JsonNode body,
            String partnerId,
            PartnerKind kind,
            String displayName,
            Set<PartnerRole> roles,
            String idempotencyKey) {
        String digest = IdempotencyKeys.digest("enrol", body);
        return idempotent.run(operatorId, idempotencyKey, digest, () -> {
            Actor operator = operator(operatorId);
            if (RESERVED_ID.equals(partnerId) || registry.find(partnerId).isPresent()) {
                throw new ApiProblemException(
                        ApiProblem.CONFLICT, "partner id " + partnerId + " is already taken; expected a new id");
            }
            try {
                commands.sendAndWait(new EnrolPartner(partnerId, kind, displayName, roles, operator));
            } catch (AggregateStreamCreationException e) {
                throw new ApiProblemException(
                        ApiProblem.CONFLICT, "partner id " + partnerId + " is already taken; expected a new id");
            }
            return new Response(201, produced(partnerId).toJson(), "/api/v1/admin/partners/" + partnerId);
        });
    }

    public Response suspend(String operatorId, String partnerId, JsonNode body, String reason, String idempotencyKey) {
        String digest = IdempotencyKeys.digest("suspend " + partnerId, body);
        return idempotent.run(operatorId, idempotencyKey, digest, () -> {
            Actor operator = operator(operatorId);
            requireEnrolled(partnerId);
            commands.sendAndWait(new SuspendPartner(partnerId, reason, operator));
            return new Response(200, produced(partnerId).toJson(), null);
        });
    }

    public Response reinstate(
            String operatorId, String partnerId, JsonNode body, String reason, String idempotencyKey) {
        String digest = IdempotencyKeys.digest("reinstate " + partnerId, body);
        return idempotent.run(operatorId, idempotencyKey, digest, () -> {
            Actor operator = operator(operatorId);
            requireEnrolled(partnerId);
            commands.sendAndWait(new ReinstatePartner(partnerId, reason, operator));
            return new Response(200, produced(partnerId).toJson(), null);
        });
    }

    /** Signs a new agreement under a new id: 201, once the read model shows it. */
    public Response signAgreement(
            String operatorId,
            JsonNode body,
            String provider,
            String recipient,
            Set<RecordKind> kinds,
            Tlp maxMarking,
            Instant validFrom,
            Instant validUntil,
            String idempotencyKey) {
        String digest = IdempotencyKeys.digest("sign agreement", body);
        Response response = idempotent.run(operatorId, idempotencyKey, digest, () -> {
            Actor operator = operator(operatorId);
            requireKnown(provider, "provider");
            requireKnown(recipient, "recipient");
            String agreementId = UUID.randomUUID().toString();
            commands.sendAndWait(new SignSharingAgreement(
                    agreementId, provider, recipient, kinds, maxMarking, validFrom, validUntil, operator));
            return new Response(201, produced(agreementId).toJson(), "/api/v1/admin/agreements/" + agreementId);
        });
        agreements.awaitSigned(response.body().path("aggregateId").asText());
        return response;
    }

    /** Revokes an agreement for good: 200, once the read model shows it. */
    public Response revokeAgreement(String operatorId, String agreementId, String reason, String idempotencyKey) {
        String digest = IdempotencyKeys.digest("revoke agreement " + agreementId, new byte[0], reason);
        Response response = idempotent.run(operatorId, idempotencyKey, digest, () -> {
            Actor operator = operator(operatorId);
            if (!isAgreement(agreementId)) {
                throw ApiProblemException.notFound("agreement " + agreementId);
            }
            commands.sendAndWait(new RevokeSharingAgreement(agreementId, reason, operator));
            return new Response(200, produced(agreementId).toJson(), null);
        });
        agreements.awaitRevoked(agreementId);
        return response;
    }

    private Actor operator(String operatorId) {
        return registry.find(operatorId)
                .orElseThrow(() ->
                        new ApiProblemException(ApiProblem.NOT_PERMITTED, "partner " + operatorId + " is not enrolled"))
                .actor();
    }

    private void requireEnrolled(String partnerId) {
        if (registry.find(partnerId).isEmpty()) {
            throw ApiProblemException.notFound("partner " + partnerId);
        }
    }

    private void requireKnown(String partnerId, String role) {
        if (registry.find(partnerId).isEmpty()) {
            throw new ApiProblemException(
                    ApiProblem.INVALID_INPUT,
                    "expected an enrolled partner as " + role + "; found unknown " + partnerId);
        }
    }

    private boolean isAgreement(String agreementId) {
        if (agreementId == null || agreementId.isBlank() || agreementId.length() > 64) {
            return false;
        }
        DomainEventStream stream = eventStore.readEvents(agreementId);
        if (!stream.hasNext()) {
            return false;
        }
        DomainEventMessage<?> first = stream.next();
        return first.getPayload() instanceof SharingAgreementSigned;
    }

    private SignedRecord produced(String aggregateId) {
        return records.latest(aggregateId)
                .orElseThrow(() -> new IllegalStateException(aggregateId + " has no readable events"));
    }
}
