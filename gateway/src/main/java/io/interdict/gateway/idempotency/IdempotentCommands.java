package io.interdict.gateway.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a state-changing request once per (partner, Idempotency-Key), for every POST that is not a
 * share push (the push derives its share id from the key instead, see {@code SharePushes}).
 *
 * <p>The request runs in one database transaction that first inserts its row into
 * {@code idempotency_record}, then sends the command — Axon's {@code SpringTransactionManager} joins
 * the transaction, so the events are written on the same connection — then stores the response in
 * the row, and commits: the events and the row exist together or not at all, whatever crashes.
 * A concurrent duplicate blocks on the row's primary key until the first commits (then replays the
 * stored response) or rolls back (then runs itself). A refused request rolls back its row too, so a
 * retry after a refusal is judged afresh. The same key with a different request — another endpoint,
 * body or signature, compared by digest — is refused with 422 {@code idempotency-key-reused}.
 */
@Component
public class IdempotentCommands {

    /** A response to give, and to give again on a retry. */
    public record Response(int status, ObjectNode body, String location) {}

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    IdempotentCommands(PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
    }

    /**
     * Runs {@code request} in one transaction, once per key.
     *
     * @param idempotencyKey the client's key, or null to run without one
     * @param requestDigest what the request was, from {@link IdempotencyKeys#digest}
     */
    public Response run(String partnerId, String idempotencyKey, String requestDigest, Supplier<Response> request) {
        if (idempotencyKey == null) {
            return inTransaction(request::get);
        }
        String key = IdempotencyKeys.requireWellFormed(idempotencyKey);
        return inTransaction(() -> {
            int claimed = jdbc.update(
                    "insert into idempotency_record (partner_id, idempotency_key, request_digest, created_at)"
                            + " values (?, ?, ?, now()) on conflict (partner_id, idempotency_key) do nothing",
                    partnerId,
                    key,
                    requestDigest);
            if (claimed == 0) {
                return replay(partnerId, key, requestDigest);
            }
            Response response = request.get();
            jdbc.update(
                    "update idempotency_record set status = ?, response_body = ?, location = ?"
                            + " where partner_id = ? and idempotency_key = ?",
                    response.status(),
                    response.body().toString(),
                    response.location(),
                    partnerId,
                    key);
            return response;
        });
    }

    private Response replay(String partnerId, String key, String requestDigest) {
        return jdbc
                .query(
                        "select request_digest, status, response_body, location from idempotency_record"
                                + " where partner_id = ? and idempotency_key = ?",
                        (row, n) -> {
                            if (!requestDigest.equals(row.getString(1))) {
                                throw new ApiProblemException(
                                        ApiProblem.IDEMPOTENCY_KEY_REUSED,
                                        "this Idempotency-Key was already used by " + partnerId
                                                + " for a different request; expected the same endpoint and body,"
                                                + " or a new key");
                            }
                            return new Response(row.getInt(2), parse(row.getString(3)), row.getString(4));
                        },
                        partnerId,
                        key)
                .stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("idempotency record of " + partnerId + " vanished"));
    }

    private Response inTransaction(Supplier<Response> work) {
        try {
            return transactions.execute(status -> work.get());
        } catch (ConcurrencyException e) {
            throw new ApiProblemException(
                    ApiProblem.CONFLICT,
                    "the record was changed by a concurrent request; nothing was stored, read it and retry");
        }
    }

    private ObjectNode parse(String body) {
        try {
            return (ObjectNode) json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent response is not JSON", e);
        }
    }
}
