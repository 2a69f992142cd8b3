/**
 * The partner directory read model: partners (kind, roles, suspension), their signing keys and the
 * sharing agreements, as PostgreSQL tables fed from events. The security layer, the push policy and
 * the published JWK set read it.
 */
package io.interdict.gateway.partner.query;
