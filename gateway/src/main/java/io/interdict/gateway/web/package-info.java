/** Cross-cutting HTTP concerns of the API: RFC 9457 problem responses and request limits. */
package io.interdict.gateway.web;
