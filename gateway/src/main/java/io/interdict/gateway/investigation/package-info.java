/**
 * Investigations (PRODUCT.md §2, §3, §6): visibility before any change, the evidence checks that
 * span aggregates (shares and inspections exist and are visible to the lead; EvidenceLinkPolicy),
 * and the commands of the Investigation aggregate.
 */
package io.interdict.gateway.investigation;
