package io.interdict.domain.inspection;

/** What a border authority found (PRODUCT.md §2). */
public enum InspectionResult {
    SEIZED,
    DETAINED,
    RELEASED,
    REFERRED,
    NOT_FOUND
}
