/**
 * The exchange's domain: the Partner, SharingAgreement, IntelligenceShare, InspectionRequest and
 * Investigation aggregates, their commands and events, and the named policies that decide rules
 * spanning aggregates (PRODUCT.md §2 and §3). Depends on Axon's modelling API only.
 */
package io.interdict.domain;
