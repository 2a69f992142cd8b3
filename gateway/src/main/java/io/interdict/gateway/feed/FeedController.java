package io.interdict.gateway.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.record.SignedRecord;
import io.interdict.gateway.access.AccessLog;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.security.AuthenticatedPartner;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import io.interdict.gateway.web.PageCursor;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/feed}: the share records the caller may see, in log order (PRODUCT.md §6). */
@RestController
class FeedController {

    private final FeedQueries feed;
    private final PartnerRegistry registry;
    private final AccessLog accessLog;

    FeedController(FeedQueries feed, PartnerRegistry registry, AccessLog accessLog) {
        this.feed = feed;
        this.registry = registry;
        this.accessLog = accessLog;
    }

    @GetMapping(path = "/api/v1/feed", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode page(
            AuthenticatedPartner caller,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit) {
        int size = PageCursor.limit(limit);
        long afterLeaf = FeedCursor.decode(after);
        PartnerProfile reader = registry.find(caller.partnerId())
                .orElseThrow(() -> new ApiProblemException(ApiProblem.NOT_PERMITTED, "not enrolled"));
        List<SignedRecord> records = feed.page(reader.partnerId(), reader.kind(), afterLeaf, size);
        accessLog.recordsRead(reader.partnerId(), "GET /api/v1/feed", records);

        ObjectNode page = JsonNodeFactory.instance.objectNode();
        ArrayNode array = page.putArray("records");
        records.forEach(record -> array.add(record.toJson()));
        long last =
                records.isEmpty() ? afterLeaf : records.get(records.size() - 1).leafIndex();
        JsonNode next = last < 0
                ? JsonNodeFactory.instance.nullNode()
                : JsonNodeFactory.instance.textNode(FeedCursor.encode(last));
        page.set("next", next);
        return page;
    }
}
