package io.interdict.audit.jose;

/** Checks signatures made with one public key. */
public interface SignatureVerifier {

    /** Whether {@code signature} is a valid signature of {@code data}; never throws for a bad signature. */
    boolean verify(byte[] data, byte[] signature);
}
