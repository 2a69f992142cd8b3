package io.interdict.config.bootstrap;

/** The bootstrap file cannot be used; the message names the file, the entry and what is wrong. */
public class InvalidBootstrapFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidBootstrapFileException(String message) {
        super(message);
    }

    public InvalidBootstrapFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
