/**
 * Database wiring: the embedded PostgreSQL used when no external one is configured, and the
 * Hibernate dialect that keeps Axon's payloads in {@code bytea} columns. Flyway owns the schema
 * ({@code db/migration}).
 */
package io.interdict.gateway.database;
