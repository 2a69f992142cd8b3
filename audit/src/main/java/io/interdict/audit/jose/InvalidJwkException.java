package io.interdict.audit.jose;

/** A JWK or JWK set that is not an Ed25519 public key in the form RFC 8037 section 2 and PRODUCT.md section 4 require. */
public final class InvalidJwkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidJwkException(String message) {
        super(message);
    }
}
