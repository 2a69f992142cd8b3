package io.interdict.audit.jose;

/** A private key file or keystore that cannot be read or written as an Ed25519 key. */
public final class KeyFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
