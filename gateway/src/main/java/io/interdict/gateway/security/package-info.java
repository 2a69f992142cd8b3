/**
 * Who is calling and what it may do (PRODUCT.md §1, §6, §7): the bearer-token resource server
 * (algorithm allowlist, issuer, audience, bounded clock skew, size limit, tokens only from the
 * {@code Authorization} header), the one converter from token to {@link
 * io.interdict.gateway.security.AuthenticatedPartner}, the enrolled-and-unsuspended check on every
 * {@code /api/v1} request, RFC 9457 problem responses for 401 and 403, and the built-in development
 * issuer (Spring Authorization Server) with its key kept in the data directory.
 */
package io.interdict.gateway.security;
