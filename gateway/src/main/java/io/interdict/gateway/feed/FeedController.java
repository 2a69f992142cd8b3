package io.interdict.gateway.feed;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.interdict.gateway.access.AccessLog;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.record.StoredRecord;
import io.interdict.gateway.security.AuthenticatedPartner;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import io.interdict.gateway.web.PageCursor;
import io.interdict.gateway.web.StreamedResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/feed}: the share records the caller may see, in log order (PRODUCT.md §6). A
 * page is written straight from the stored records ({@link StoredRecord}), each payload as the
 * stored JSON text, not parsed into a tree and written out again: a thousand records per page made
 * that half of the feed's time (BENCHMARKS.md).
 */
@RestController
class FeedController {

    private final FeedQueries feed;
    private final PartnerRegistry registry;
    private final AccessLog accessLog;
    private final ObjectMapper json;

    FeedController(FeedQueries feed, PartnerRegistry registry, AccessLog accessLog, ObjectMapper json) {
        this.feed = feed;
        this.registry = registry;
        this.accessLog = accessLog;
        this.json = json;
    }

    /**
     * Writes the page straight into the response once the access log holds it. Not a body built in
     * memory first: a thousand records are two megabytes, which the JVM allocates outside its young
     * generation and collects expensively.
     */
    @GetMapping(path = "/api/v1/feed", produces = MediaType.APPLICATION_JSON_VALUE)
    void page(
            AuthenticatedPartner caller,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        int size = PageCursor.limit(limit);
        long afterLeaf = FeedCursor.decode(after);
        PartnerProfile reader = registry.find(caller.partnerId())
                .orElseThrow(() -> new ApiProblemException(ApiProblem.NOT_PERMITTED, "not enrolled"));
        List<StoredRecord> records = feed.page(reader.partnerId(), reader.kind(), afterLeaf, size);
        accessLog.recordIdsRead(
                reader.partnerId(),
                "GET /api/v1/feed",
                records.stream().map(StoredRecord::recordId).toList());

        long last =
                records.isEmpty() ? afterLeaf : records.get(records.size() - 1).leafIndex();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        StreamedResponse.send(request, response, out -> {
            try (JsonGenerator page = json.getFactory().createGenerator(out)) {
                // A failure half-way must not close the open array and object: the page would look whole.
                page.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
                page.writeStartObject();
                page.writeArrayFieldStart("records");
                for (StoredRecord record : records) {
                    record.writeTo(page);
                }
                page.writeEndArray();
                if (last < 0) {
                    page.writeNullField("next");
                } else {
                    page.writeStringField("next", FeedCursor.encode(last));
                }
                page.writeEndObject();
            }
        });
    }
}
