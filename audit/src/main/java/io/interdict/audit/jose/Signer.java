package io.interdict.audit.jose;

/** Produces signatures with one private key, named by the key id it is published under. */
public interface Signer {

    /** The {@code kid} of the public key that verifies this signer's signatures. */
    String keyId();

    /** The signature over {@code data}. */
    byte[] sign(byte[] data);
}
