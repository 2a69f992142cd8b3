/**
 * The auditor endpoints under {@code /api/v1/audit} (PRODUCT.md §6): the whole history in log order,
 * every version of an aggregate with its state as of an instant, who read a record, and who could
 * see it then. Scope {@code audit:read} (the security chain) and an auditor partner (here).
 */
package io.interdict.gateway.audit.web;
