/** HTTP endpoints for investigations (PRODUCT.md §6). */
package io.interdict.gateway.investigation.web;
