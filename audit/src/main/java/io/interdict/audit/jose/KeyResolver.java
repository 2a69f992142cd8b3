package io.interdict.audit.jose;

/**
 * Finds the key for a JWS {@code kid} (RFC 7515 section 4.1.4). The caller decides what "valid"
 * means (owner, validity window at the record's time) and says so through the {@link KeyResolution}.
 */
@FunctionalInterface
public interface KeyResolver {

    KeyResolution resolve(String kid);
}
