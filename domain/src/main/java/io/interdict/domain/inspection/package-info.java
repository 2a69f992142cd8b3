/**
 * The InspectionRequest aggregate (PRODUCT.md §2): an agency's request to inspect a shipment at a
 * port of entry, the carrier's hold, and the border authority's schedule and result.
 */
package io.interdict.domain.inspection;
