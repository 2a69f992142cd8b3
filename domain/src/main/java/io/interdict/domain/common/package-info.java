/**
 * Value types every aggregate shares: who acts ({@link io.interdict.domain.common.Actor}), partner
 * kinds and roles, TLP markings, record kinds, and the one domain exception with the reason the
 * gateway maps to an HTTP status (PRODUCT.md §1–§3).
 */
package io.interdict.domain.common;
