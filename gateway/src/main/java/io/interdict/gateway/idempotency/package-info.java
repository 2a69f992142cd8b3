/**
 * Idempotency-Key for every POST (PRODUCT.md §6, §7): a retry — concurrent, or after a restart —
 * gets the original response; the same key with another request is refused.
 */
package io.interdict.gateway.idempotency;
