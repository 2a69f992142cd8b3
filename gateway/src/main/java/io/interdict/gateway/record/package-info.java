/**
 * Signed records (PRODUCT.md §4): the gateway's notarisation key, the dispatch interceptor that signs
 * every event as it is stored, and the rebuilding of signed records from stored events.
 */
package io.interdict.gateway.record;
