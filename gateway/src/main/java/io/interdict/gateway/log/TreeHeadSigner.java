package io.interdict.gateway.log;

/**
 * Signs a tree head (PRODUCT.md §5): returns the JWS compact serialisation with detached payload
 * (RFC 7515 appendix F), {@code BASE64URL(header) + ".." + BASE64URL(signature)}, with header
 * {@code {"alg":"EdDSA","kid":…}} (RFC 8037). {@code payload} is the exact byte string to sign
 * ({@link TreeHeadPayload#canonicalBytes}); the JWS signing input is {@code BASE64URL(header) + "."
 * + BASE64URL(payload)}. Must be safe to call from any thread.
 */
public interface TreeHeadSigner {

    String signDetached(byte[] payload);
}
