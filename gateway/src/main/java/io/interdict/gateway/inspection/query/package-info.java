/** The inspection read model and its visibility-filtered queries (PRODUCT.md §3). */
package io.interdict.gateway.inspection.query;
