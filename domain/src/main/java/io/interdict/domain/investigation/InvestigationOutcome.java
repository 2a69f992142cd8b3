package io.interdict.domain.investigation;

/** What an investigation led to (PRODUCT.md §2). */
public enum InvestigationOutcome {
    CRIMINAL_REFERRAL,
    CIVIL_LITIGATION,
    ADMINISTRATIVE_ACTION,
    NO_ACTION
}
