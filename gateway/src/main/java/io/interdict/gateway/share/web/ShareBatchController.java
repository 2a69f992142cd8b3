package io.interdict.gateway.share.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.security.AuthenticatedPartner;
import io.interdict.gateway.share.SharePushes;
import io.interdict.gateway.share.SharePushes.Outcome;
import io.interdict.gateway.share.SharePushes.Pushed;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import io.interdict.gateway.web.JsonRequests;
import io.interdict.gateway.web.Problems;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/shares/batch} (PRODUCT.md §6): up to {@value #MAX_ITEMS} pushes in one call,
 * answered like a TAXII 2.1 status resource. Request:
 *
 * <pre>{"items": [{"share": {…push body…}, "signature": "<JWS, optional>", "idempotencyKey": "<optional>"}, …]}</pre>
 *
 * Response, always 200 once the envelope is readable, with one entry per item in input order:
 *
 * <pre>{"status": "complete", "request_timestamp": "…", "total_count": 3, "success_count": 2,
 *  "failure_count": 1, "pending_count": 0,
 *  "successes": [{"index": 0, "id": "<share id>", "record": {…signed record…}}, …],
 *  "failures": [{"index": 1, "status": 422, "type": "urn:interdict:problem:…", "detail": "…"}]}</pre>
 *
 * Each item is answered exactly as a single push of it would be ({@link SharePushes#pushAll}): its
 * own signature check, agreement check and idempotency (an item's {@code idempotencyKey} works
 * exactly like the header of a single push), so one refused item stops nothing else and leaves
 * nothing behind. The items that pass every check are stored in one transaction; should one of them
 * fail inside it, nothing of it is kept and they are stored one by one instead. More than
 * {@value #MAX_ITEMS} items: 413 for the whole request, nothing stored.
 */
@RestController
class ShareBatchController {

    static final int MAX_ITEMS = 500;

    private static final Logger log = LoggerFactory.getLogger(ShareBatchController.class);

    /** The batch envelope; items are read one by one so that a bad one fails alone. */
    record BatchRequest(@NotNull List<JsonNode> items) {}

    /** One item of a batch. */
    record BatchItem(
            @NotNull JsonNode share, @Size(max = 8192) String signature, String idempotencyKey) {}

    private final SharePushes pushes;
    private final JsonRequests requests;
    private final Clock clock;

    ShareBatchController(SharePushes pushes, JsonRequests requests, Clock clock) {
        this.pushes = pushes;
        this.requests = requests;
        this.clock = clock;
    }

    @PostMapping(
            path = "/api/v1/shares/batch",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode pushAll(AuthenticatedPartner caller, @RequestBody JsonNode body) throws JsonProcessingException {
        String requestTimestamp = clock.instant().toString();
        BatchRequest batch = requests.read(body, BatchRequest.class);
        if (batch.items().size() > MAX_ITEMS) {
            throw new ApiProblemException(
                    ApiProblem.PAYLOAD_TOO_LARGE,
                    "a batch holds at most " + MAX_ITEMS + " shares; found "
                            + batch.items().size() + "; nothing was stored");
        }
        PartnerProfile partner = pushes.caller(caller.partnerId());
        int count = batch.items().size();
        Throwable[] refused = new Throwable[count];
        List<Integer> readable = new ArrayList<>(count);
        List<SharePushes.Item> items = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            try {
                BatchItem item = requests.read(batch.items().get(index), BatchItem.class);
                PushShareRequest share = requests.read(item.share(), PushShareRequest.class);
                items.add(
                        new SharePushes.Item(item.share(), share.toContent(), item.signature(), item.idempotencyKey()));
                readable.add(index);
            } catch (RuntimeException | JsonProcessingException unreadable) {
                refused[index] = unreadable;
            }
        }
        Pushed[] pushed = new Pushed[count];
        List<Outcome> outcomes = pushes.pushAll(partner, items);
        for (int i = 0; i < outcomes.size(); i++) {
            pushed[readable.get(i)] = outcomes.get(i).pushed();
            refused[readable.get(i)] = outcomes.get(i).refused();
        }

        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ArrayNode successes = nodes.arrayNode();
        ArrayNode failures = nodes.arrayNode();
        for (int index = 0; index < count; index++) {
            if (pushed[index] != null) {
                successes
                        .addObject()
                        .put("index", index)
                        .put("id", pushed[index].record().aggregateId())
                        .set("record", pushed[index].record().toJson());
                continue;
            }
            ProblemDetail problem = Problems.of(refused[index]);
            if (problem.getStatus() >= 500) {
                log.error("Batch item {} of {} failed inside the gateway", index, partner.partnerId(), refused[index]);
            }
            failures.addObject()
                    .put("index", index)
                    .put("status", problem.getStatus())
                    .put("type", String.valueOf(problem.getType()))
                    .put("detail", problem.getDetail());
        }
        ObjectNode status = nodes.objectNode();
        status.put("status", "complete");
        status.put("request_timestamp", requestTimestamp);
        status.put("total_count", batch.items().size());
        status.put("success_count", successes.size());
        status.put("failure_count", failures.size());
        status.put("pending_count", 0);
        status.set("successes", successes);
        status.set("failures", failures);
        return status;
    }
}
