/**
 * Cross-cutting HTTP concerns of the API: RFC 9457 problem responses, request limits, and streamed
 * responses that fail half-way.
 */
package io.interdict.gateway.web;
