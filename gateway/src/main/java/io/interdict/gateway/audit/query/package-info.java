/**
 * What the auditor endpoints read: the Merkle log joined to the event store (signed records in log
 * order, every version of an aggregate), the access log (a jsonb scan of {@code RecordsRead} events),
 * and the events a visibility replay folds. Straight from the event store and the log, never from
 * the partner-facing read models, so an answer about the past does not depend on today's tables.
 */
package io.interdict.gateway.audit.query;
