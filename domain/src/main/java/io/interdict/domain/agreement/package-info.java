/**
 * The SharingAgreement aggregate (PRODUCT.md §2, §3): which recipients a provider may name, for
 * which record kinds, up to which marking, and when. Whether an agreement covers a given share is
 * decided across aggregates by {@link io.interdict.domain.policy.SharingAgreementPolicy}.
 */
package io.interdict.domain.agreement;
