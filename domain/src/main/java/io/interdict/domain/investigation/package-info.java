/**
 * The Investigation aggregate (PRODUCT.md §2): an investigator's case, the shares and inspections
 * linked to it as evidence, its outcomes and its closure.
 */
package io.interdict.domain.investigation;
