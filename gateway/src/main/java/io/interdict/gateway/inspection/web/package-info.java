/** HTTP endpoints for inspection requests (PRODUCT.md §6). */
package io.interdict.gateway.inspection.web;
