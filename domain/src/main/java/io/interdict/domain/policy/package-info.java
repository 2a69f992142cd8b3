/**
 * Rules that span aggregates (PRODUCT.md §3), as pure functions: the gateway feeds them facts from
 * its read models and gets back allow, or a rejection with a reason. Nothing here reads a database.
 */
package io.interdict.domain.policy;
