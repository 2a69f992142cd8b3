package io.interdict.domain.policy;

/** A policy's answer: allowed, or rejected with a reason that names what is missing. */
public record PolicyDecision(boolean allowed, String reason) {

    private static final PolicyDecision ALLOW = new PolicyDecision(true, null);

    public static PolicyDecision allow() {
        return ALLOW;
    }

    public static PolicyDecision reject(String reason) {
        return new PolicyDecision(false, reason);
    }

    public boolean rejected() {
        return !allowed;
    }
}
