/**
 * Inspection requests (PRODUCT.md §2, §3, §6): the checks that span aggregates (carrier, linked
 * shares), visibility before any change, and the commands of the InspectionRequest aggregate.
 */
package io.interdict.gateway.inspection;
