package io.interdict.gateway.bundle;

import io.interdict.domain.common.PartnerKind;
import io.interdict.gateway.access.AccessLog;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.security.AuthenticatedPartner;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import io.interdict.gateway.web.StreamedResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit/bundle?from={leafIndex}&firstTreeSize={n}} (auditor scope, see
 * SecurityConfiguration): the audit bundle of audit/BUNDLE.md, streamed. Parameters are checked and
 * the header read before the first byte is sent, so a bad request is a proper problem response; a
 * failure later is one too until bytes have left, and after that cuts the connection
 * ({@link StreamedResponse}).
 */
@RestController
class BundleController {

    private final BundleExport export;
    private final PartnerRegistry registry;
    private final AccessLog accessLog;

    BundleController(BundleExport export, PartnerRegistry registry, AccessLog accessLog) {
        this.export = export;
        this.registry = registry;
        this.accessLog = accessLog;
    }

    @GetMapping(path = "/api/v1/audit/bundle", produces = MediaType.APPLICATION_JSON_VALUE)
    void bundle(
            AuthenticatedPartner caller,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "firstTreeSize", required = false) String firstTreeSize,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        long fromLeaf = from == null ? 0 : nonNegative("from", from);
        Long first = firstTreeSize == null ? null : nonNegative("firstTreeSize", firstTreeSize);
        BundleExport.Plan plan = export.plan(fromLeaf, first);
        String auditor = registry.find(caller.partnerId())
                .filter(partner -> partner.kind() == PartnerKind.AUDITOR)
                .map(PartnerProfile::partnerId)
                .orElseThrow(() -> new ApiProblemException(
                        ApiProblem.NOT_PERMITTED,
                        "audit bundles are exported to auditors only; found " + caller.partnerId()));
        String logged = "GET /api/v1/audit/bundle?from=" + fromLeaf + "&treeSize="
                + plan.treeHead().treeSize();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"interdict-audit-bundle-"
                        + plan.treeHead().treeSize() + ".json\"");
        StreamedResponse.send(
                request,
                response,
                out -> export.write(plan, out, page -> accessLog.recordsRead(auditor, logged, page)));
    }

    private static long nonNegative(String parameter, String value) {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ApiProblemException(
                    ApiProblem.MALFORMED_REQUEST,
                    "parameter '" + parameter + "' must be a non-negative decimal integer");
        }
        return Long.parseLong(value);
    }
}
