package io.interdict.gateway.audit.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.record.SignedRecord;
import io.interdict.config.LogSettings;
import io.interdict.domain.common.Guards;
import io.interdict.domain.common.PartnerKind;
import io.interdict.gateway.access.AccessLog;
import io.interdict.gateway.audit.InspectionState;
import io.interdict.gateway.audit.InvestigationState;
import io.interdict.gateway.audit.PartnerFacts;
import io.interdict.gateway.audit.PartnerVisibility;
import io.interdict.gateway.audit.ShareState;
import io.interdict.gateway.audit.TimedEvent;
import io.interdict.gateway.audit.query.AuditRecords;
import io.interdict.gateway.audit.query.AuditRecords.AccessEntry;
import io.interdict.gateway.audit.query.AuditRecords.GlobalPage;
import io.interdict.gateway.audit.query.AuditRecords.RecordRef;
import io.interdict.gateway.audit.query.VisibilityReplay;
import io.interdict.gateway.audit.query.VisibilityReplay.VisibilityAsOf;
import io.interdict.gateway.feed.FeedCursor;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.security.AuthenticatedPartner;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import io.interdict.gateway.web.PageCursor;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/audit} (PRODUCT.md §6). The security chain admits only enrolled, unsuspended
 * partners whose token carries {@code audit:read}; a scope never widens what a partner's kind
 * allows (§1), so this controller also requires an auditor. Every response that hands out signed
 * records is itself recorded in the access log (§3): auditors' reads are part of the history too.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    static final int MAX_ID_LENGTH = 255;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * {@code after} as PRODUCT.md §6 writes it: a global index of the event store (decimal, at most
     * 18 digits so it fits a long). Anything else must be a cursor from a previous page's {@code next}.
     */
    private static final Pattern GLOBAL_INDEX = Pattern.compile("(0|[1-9][0-9]{0,17})");

    private final AuditRecords records;
    private final VisibilityReplay visibility;
    private final PartnerRegistry registry;
    private final AccessLog accessLog;
    private final Clock clock;
    private final LogSettings log;

    AuditController(
            AuditRecords records,
            VisibilityReplay visibility,
            PartnerRegistry registry,
            AccessLog accessLog,
            Clock clock,
            LogSettings log) {
        this.records = records;
        this.visibility = visibility;
        this.registry = registry;
        this.accessLog = accessLog;
        this.clock = clock;
        this.log = log;
    }

    /**
     * The whole history as signed records. With {@code after} a cursor from a previous page (or
     * absent): in Merkle log order over gap-free leaf indexes, up to the moment. With {@code after} a
     * global index (PRODUCT.md §6): in the event store's global order, settled records only (see
     * {@link AuditRecords#pageByGlobalIndex}), {@code next} again a global index.
     */
    @GetMapping("/events")
    ObjectNode events(
            AuthenticatedPartner caller,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit) {
        String auditor = auditor(caller);
        int size = PageCursor.limit(limit);
        boolean byGlobalIndex = after != null && GLOBAL_INDEX.matcher(after).matches();
        long afterLeaf = byGlobalIndex ? -1 : FeedCursor.decode(after, "an audit events page");
        GlobalPage globalPage =
                byGlobalIndex ? records.pageByGlobalIndex(Long.parseLong(after), size, log.gapHorizon()) : null;
        List<SignedRecord> page = byGlobalIndex ? globalPage.records() : records.page(afterLeaf, size);
        String query = java.util.stream.Stream.of(
                        after == null ? null : "after=" + after, limit == null ? null : "limit=" + size)
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining("&"));
        accessLog.recordsRead(auditor, "GET /api/v1/audit/events" + (query.isEmpty() ? "" : "?" + query), page);

        ObjectNode body = JSON.objectNode();
        ArrayNode array = body.putArray("records");
        page.forEach(record -> array.add(record.toJson()));
        if (byGlobalIndex) {
            body.put("next", Long.toString(globalPage.next()));
            return body;
        }
        long last = page.isEmpty() ? afterLeaf : page.get(page.size() - 1).leafIndex();
        body.set("next", last < 0 ? JSON.nullNode() : JSON.textNode(FeedCursor.encode(last)));
        return body;
    }

    /** Every version of an aggregate, and its records and state as of an instant (default: now). */
    @GetMapping("/records/{aggregateId}/history")
    ObjectNode history(
            AuthenticatedPartner caller,
            @PathVariable String aggregateId,
            @RequestParam(required = false) String asOf) {
        String auditor = auditor(caller);
        id("aggregateId", aggregateId);
        Instant at = asOf == null ? clock.instant() : instant(asOf);
        List<SignedRecord> versions = records.history(aggregateId);
        if (versions.isEmpty()) {
            throw new ApiProblemException(ApiProblem.NOT_FOUND, "no record has aggregateId " + aggregateId);
        }
        accessLog.recordsRead(
                auditor,
                "GET /api/v1/audit/records/" + aggregateId + "/history" + (asOf == null ? "" : "?asOf=" + asOf),
                versions);

        ObjectNode body = JSON.objectNode();
        body.put("aggregateId", aggregateId);
        ArrayNode array = body.putArray("versions");
        versions.forEach(record -> array.add(record.toJson()));
        ObjectNode state = body.putObject("stateAsOf");
        state.put("asOf", at.toString());
        ArrayNode ids = state.putArray("recordIds");
        versions.stream()
                .filter(record -> !Instant.parse(record.recordedAt()).isAfter(at))
                .forEach(record -> ids.add(record.recordId()));
        List<TimedEvent> events = records.events(aggregateId);
        ShareState.asOf(events, at).ifPresent(share -> state.set("share", share(share)));
        InspectionState.asOf(events, at).ifPresent(inspection -> state.set("inspection", inspection(inspection)));
        InvestigationState.asOf(events, at)
                .ifPresent(investigation -> state.set("investigation", investigation(investigation)));
        PartnerFacts.asOf(events, at).ifPresent(partner -> state.set("partner", partner(partner)));
        return body;
    }

    /** Who read a record (or any record of an aggregate), and when, from the access log. */
    @GetMapping("/access")
    ObjectNode access(AuthenticatedPartner caller, @RequestParam(required = false) String record) {
        auditor(caller);
        id("record", record);
        RecordRef ref = records.locate(record)
                .orElseThrow(() -> new ApiProblemException(
                        ApiProblem.NOT_FOUND, "no record has recordId or aggregateId " + record));
        List<String> recordIds =
                ref.recordId() != null ? List.of(ref.recordId()) : records.recordIdsOf(ref.aggregateId());
        List<AccessEntry> reads = records.reads(recordIds);

        ObjectNode body = JSON.objectNode();
        body.put("record", record);
        body.put("aggregateId", ref.aggregateId());
        ArrayNode array = body.putArray("reads");
        for (AccessEntry read : reads) {
            array.addObject()
                    .put("reader", read.reader())
                    .put("readAt", read.readAt().toString())
                    .put("request", read.request())
                    .put("accessRecordId", read.accessRecordId())
                    .put("recordId", read.recordId())
                    .put("access", read.kind().name());
        }
        return body;
    }

    /** Which partners could see a record at an instant, and by which rule, replayed from events. */
    @GetMapping("/visibility")
    ObjectNode visibility(
            AuthenticatedPartner caller,
            @RequestParam(required = false) String record,
            @RequestParam(required = false) String asOf) {
        auditor(caller);
        id("record", record);
        if (asOf == null) {
            throw new ApiProblemException(
                    ApiProblem.MALFORMED_REQUEST, "asOf: expected an ISO-8601 instant such as 2026-11-30T09:12:44Z");
        }
        Instant at = instant(asOf);
        VisibilityAsOf answer = visibility
                .asOf(record, at)
                .orElseThrow(() -> new ApiProblemException(
                        ApiProblem.NOT_FOUND, "no record has recordId or aggregateId " + record));

        ObjectNode body = JSON.objectNode();
        body.put("record", record);
        body.put("aggregateId", answer.record().aggregateId());
        body.put("recordType", answer.record().recordType());
        body.put("recordedAt", answer.record().recordedAt().toString());
        body.put("asOf", at.toString());
        body.put("existed", answer.existed());
        ArrayNode partners = body.putArray("partners");
        for (PartnerVisibility partner : answer.partners()) {
            ObjectNode entry = partners.addObject()
                    .put("partner", partner.partner())
                    .put("kind", partner.kind().name())
                    .put("suspended", partner.suspended())
                    .put("visible", partner.visible())
                    .put("rule", partner.rule().name());
            if (partner.reason() != null) {
                entry.put("reason", partner.reason());
            }
        }
        return body;
    }

    private String auditor(AuthenticatedPartner caller) {
        Optional<PartnerProfile> profile = registry.find(caller.partnerId());
        if (profile.isEmpty() || profile.get().kind() != PartnerKind.AUDITOR) {
            throw new ApiProblemException(
                    ApiProblem.NOT_PERMITTED,
                    "the audit endpoints answer auditors only; found " + caller.partnerId()
                            + profile.map(p -> ", " + Guards.describe(p.kind())).orElse(""));
        }
        return profile.get().partnerId();
    }

    private static void id(String parameter, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH) {
            throw new ApiProblemException(
                    ApiProblem.MALFORMED_REQUEST,
                    parameter + ": expected a record or aggregate id of 1 to " + MAX_ID_LENGTH + " characters; found "
                            + (value == null
                                    ? "nothing"
                                    : value.isBlank() ? "a blank value" : value.length() + " characters"));
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiProblemException(
                    ApiProblem.MALFORMED_REQUEST,
                    "asOf: expected an ISO-8601 instant such as 2026-11-30T09:12:44Z; found '"
                            + PageCursor.abbreviate(value) + "'");
        }
    }

    private static ObjectNode share(ShareState share) {
        ObjectNode node = JSON.objectNode()
                .put("shareId", share.shareId())
                .put("provider", share.provider())
                .put("kind", share.kind().name())
                .put("marking", share.marking().label());
        ArrayNode audience = node.putArray("audience");
        share.audience().forEach(audience::add);
        return node.put("version", share.version()).put("withdrawn", share.withdrawn());
    }

    private static ObjectNode inspection(InspectionState inspection) {
        return JSON.objectNode()
                .put("inspectionId", inspection.inspectionId())
                .put("requestingAgency", inspection.requestingAgency())
                .put("carrier", inspection.carrier());
    }

    private static ObjectNode investigation(InvestigationState investigation) {
        ObjectNode node = JSON.objectNode()
                .put("investigationId", investigation.investigationId())
                .put("leadAgency", investigation.leadAgency());
        ArrayNode shares = node.putArray("linkedShareIds");
        investigation.linkedShareIds().forEach(shares::add);
        ArrayNode inspections = node.putArray("linkedInspectionIds");
        investigation.linkedInspectionIds().forEach(inspections::add);
        return node.put("closed", investigation.closed());
    }

    private static ObjectNode partner(PartnerFacts partner) {
        return JSON.objectNode()
                .put("partnerId", partner.partnerId())
                .put("kind", partner.kind().name())
                .put("suspended", partner.suspended());
    }
}
