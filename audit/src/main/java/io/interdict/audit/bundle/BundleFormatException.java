package io.interdict.audit.bundle;

/** A bundle that cannot be read as audit/BUNDLE.md describes: a usage or input error, not a finding. */
public final class BundleFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BundleFormatException(String message) {
        super(message);
    }

    public BundleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
