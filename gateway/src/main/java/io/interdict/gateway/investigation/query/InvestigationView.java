package io.interdict.gateway.investigation.query;

import java.time.Instant;
import java.util.List;

/**
 * An investigation as one reader may see it. With {@link Access#FEEDBACK} the title and subjects
 * are null: a provider whose share was linked learns the outcome, not the case.
 */
public record InvestigationView(
        String investigationId,
        String status,
        String leadAgency,
        String title,
        List<String> subjects,
        Instant openedAt,
        Instant closedAt,
        String outcome,
        String outcomeDetails,
        Instant outcomeRecordedAt,
        Access access) {

    /** By which rule of PRODUCT.md §3 the reader sees the investigation. */
    public enum Access {
        /** The lead agency, or an auditor: everything. */
        FULL,
        /** A provider whose share was linked as evidence, once an outcome is recorded: the outcome. */
        FEEDBACK
    }
}
