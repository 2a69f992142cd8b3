/**
 * The auditor's view of the history (PRODUCT.md §3, §6 "/audit"): pure functions that replay events
 * up to an instant into the facts visibility depends on (partners, a share, an inspection, an
 * investigation) and decide, per record kind, which partner could see a record and by which rule.
 * Nothing here reads a database; {@code audit.query} feeds it events, {@code audit.web} serves it.
 */
package io.interdict.gateway.audit;
