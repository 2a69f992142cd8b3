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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    /** Room for a typical record, so a page's buffer rarely grows. */
    private static final int BYTES_PER_RECORD = 2048;

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

    @GetMapping(path = "/api/v1/feed", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> page(
            AuthenticatedPartner caller,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit)
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
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 + records.size() * BYTES_PER_RECORD);
        try (JsonGenerator page = json.getFactory().createGenerator(body)) {
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
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body.toByteArray());
    }
}
