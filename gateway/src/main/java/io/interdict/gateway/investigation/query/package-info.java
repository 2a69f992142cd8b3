/** The investigation read model and its visibility-filtered queries (PRODUCT.md §3). */
package io.interdict.gateway.investigation.query;
