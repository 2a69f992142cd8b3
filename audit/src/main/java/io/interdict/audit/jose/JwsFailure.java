package io.interdict.audit.jose;

/** Why a detached JWS did not verify, in the terms the gateway answers with. */
public enum JwsFailure {
    /** Not a compact detached JWS we accept: structure, base64url, header JSON or signature length. */
    MALFORMED,
    /** {@code alg} is not {@code EdDSA} (RFC 8037 section 3.1), e.g. {@code none} or {@code HS256}. */
    UNSUPPORTED_ALGORITHM,
    /** The key resolver knows no key for the {@code kid}, or not one this signer may use. */
    UNKNOWN_KEY,
    /** The key exists but was not valid at the time that matters (not yet valid, or revoked). */
    KEY_NOT_VALID_AT_TIME,
    /** Well-formed, known key, but the Ed25519 signature does not match the payload. */
    BAD_SIGNATURE
}
