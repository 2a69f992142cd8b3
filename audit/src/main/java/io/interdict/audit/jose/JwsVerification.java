package io.interdict.audit.jose;

import java.util.Optional;

/**
 * The outcome of verifying a detached JWS.
 *
 * @param failure null when the signature verified
 * @param kid the header's {@code kid} when the header could be read, else null
 * @param detail what was expected and what was found, for logs and problem responses
 */
public record JwsVerification(JwsFailure failure, String kid, String detail) {

    static JwsVerification valid(String kid) {
        return new JwsVerification(null, kid, "valid");
    }

    static JwsVerification failed(JwsFailure failure, String kid, String detail) {
        return new JwsVerification(failure, kid, detail);
    }

    public boolean isValid() {
        return failure == null;
    }

    public Optional<JwsFailure> failureReason() {
        return Optional.ofNullable(failure);
    }

    public Optional<String> keyId() {
        return Optional.ofNullable(kid);
    }
}
