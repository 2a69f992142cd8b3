package io.interdict.gateway.security;

import org.springframework.security.authorization.AuthorizationDecision;

/** A refusal because of who the partner is (suspended, not enrolled), with the reason to tell it. */
final class PartnerRefusal extends AuthorizationDecision {

    private final String reason;

    PartnerRefusal(String reason) {
        super(false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "PartnerRefusal[" + reason + "]";
    }
}
