package io.interdict.audit.jose;

import java.util.Objects;

/** What a {@link KeyResolver} found for a {@code kid}. */
public sealed interface KeyResolution {

    static KeyResolution found(SignatureVerifier verifier) {
        return new Found(verifier);
    }

    static KeyResolution unknown(String reason) {
        return new Unknown(reason);
    }

    static KeyResolution notValidAtTime(String reason) {
        return new NotValidAtTime(reason);
    }

    /** The key to verify with. */
    record Found(SignatureVerifier verifier) implements KeyResolution {
        public Found {
            Objects.requireNonNull(verifier, "verifier");
        }
    }

    /** No usable key; {@code reason} is shown to the caller (e.g. "unknown kid amazon-9"). */
    record Unknown(String reason) implements KeyResolution {}

    /** A key exists but not for this time; {@code reason} says why (e.g. "revoked at ..."). */
    record NotValidAtTime(String reason) implements KeyResolution {}
}
