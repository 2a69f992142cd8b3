package io.interdict.audit.record;

/** JSON that is not a signed record of the shape PRODUCT.md sections 4 and 8 define. */
public final class InvalidRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message) {
        super(message);
    }
}
