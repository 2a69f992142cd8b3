/**
 * Signed records (PRODUCT.md section 4): the envelope of every appended event, notarised by the
 * gateway with a detached Ed25519 JWS over its RFC 8785 form, optionally carrying the submitter's
 * own JWS over what it pushed; the leaf bytes of the RFC 9162 Merkle log (PRODUCT.md section 5);
 * and offline verification of both signatures against the published JWK set.
 */
package io.interdict.audit.record;
