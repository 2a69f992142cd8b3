/**
 * Access to records: the event that says which partner was given which signed records, and when
 * (PRODUCT.md §3). It has no aggregate of its own: each response is its own short stream.
 */
package io.interdict.domain.access;
