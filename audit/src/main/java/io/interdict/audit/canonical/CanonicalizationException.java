package io.interdict.audit.canonical;

/** The value cannot be canonicalised because it is not I-JSON (RFC 7493), as RFC 8785 section 3.1 requires. */
public final class CanonicalizationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CanonicalizationException(String message) {
        super(message);
    }

    public CanonicalizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
