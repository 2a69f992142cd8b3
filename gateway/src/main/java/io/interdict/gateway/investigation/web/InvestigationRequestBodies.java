package io.interdict.gateway.investigation.web;

import io.interdict.domain.investigation.InvestigationOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The bodies of the investigation endpoints (PRODUCT.md §8), with their limits. */
final class InvestigationRequestBodies {

    private InvestigationRequestBodies() {}

    /** {@code POST /api/v1/investigations}. */
    record OpenBody(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 100) List<@NotBlank @Size(max = 200) String> subjects) {}

    /** {@code POST /api/v1/investigations/{id}/evidence}. */
    record EvidenceBody(
            @Size(max = 100) List<@NotBlank @Size(max = 64) String> shareIds,
            @Size(max = 100) List<@NotBlank @Size(max = 64) String> inspectionIds) {}

    /** {@code POST /api/v1/investigations/{id}/outcome}. */
    record OutcomeBody(
            @NotNull InvestigationOutcome outcome,
            @Size(max = 4000) String details) {}

    /** {@code POST /api/v1/investigations/{id}/closure}; the body is optional. */
    record ClosureBody(@Size(max = 2000) String reason) {}
}
