/**
 * Everything an auditor needs without trusting the operator: RFC 8785 canonical JSON, Ed25519
 * detached JWS (RFC 7515 appendix F, RFC 8037), the RFC 9162 Merkle log and its proofs, and the
 * offline verifier. Plain Java: no Spring, so the verifier runs anywhere.
 */
package io.interdict.audit;
