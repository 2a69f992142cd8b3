/**
 * The audit bundle export (audit/BUNDLE.md, PRODUCT.md §5): {@code GET /api/v1/audit/bundle} streams
 * the key set, two signed tree heads, the consistency proof between them, the left frontier and every
 * signed record from a leaf index to the newer head, for {@code interdict-verify bundle} to check
 * offline.
 */
package io.interdict.gateway.bundle;
