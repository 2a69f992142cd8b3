/**
 * The IntelligenceShare aggregate (PRODUCT.md §2): a provider's signed statement about a seller,
 * product or shipment, its versions, audience, withdrawal and the provider's own actions.
 */
package io.interdict.domain.share;
