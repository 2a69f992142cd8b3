/**
 * Ed25519 signatures as JOSE objects: compact JWS with detached payload (RFC 7515 section 7.1 and
 * appendix F) using {@code "alg":"EdDSA"} (RFC 8037 section 3.1), OKP public keys as JWKs (RFC 8037
 * section 2) published in a JWK set with validity windows (PRODUCT.md section 4), and the private
 * key files the gateway signs with. Ed25519 itself (RFC 8032 section 5.1) is BouncyCastle's
 * lightweight implementation, behind {@link io.interdict.audit.jose.Signer} and
 * {@link io.interdict.audit.jose.SignatureVerifier}.
 */
package io.interdict.audit.jose;
