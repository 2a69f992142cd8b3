package io.interdict.domain.common;

/**
 * A command refused by a rule of the domain. The message says what was expected and what was
 * found; the {@link Reason} tells the gateway which HTTP status answers it.
 */
public final class DomainRuleViolation extends RuntimeException {

    /** Why a command was refused. */
    public enum Reason {
        /** The command carries bad values (HTTP 422). */
        INVALID_INPUT,
        /** The actor's kind, role or identity may not do this (HTTP 403, or 404 when hidden). */
        NOT_PERMITTED,
        /** The aggregate's history forbids it: withdrawn, finished, closed, revoked (HTTP 409). */
        INVALID_STATE
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public DomainRuleViolation(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public static DomainRuleViolation invalidInput(String message) {
        return new DomainRuleViolation(Reason.INVALID_INPUT, message);
    }

    public static DomainRuleViolation notPermitted(String message) {
        return new DomainRuleViolation(Reason.NOT_PERMITTED, message);
    }

    public static DomainRuleViolation invalidState(String message) {
        return new DomainRuleViolation(Reason.INVALID_STATE, message);
    }

    public Reason reason() {
        return reason;
    }
}
