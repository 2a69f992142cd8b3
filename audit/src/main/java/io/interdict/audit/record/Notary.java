package io.interdict.audit.record;

import io.interdict.audit.jose.DetachedJws;
import io.interdict.audit.jose.Signer;

/** Turns an appended event's envelope into a signed record (PRODUCT.md section 4, "gateway signature"). */
public final class Notary {

    private Notary() {}

    /** Signs JCS of the envelope with the gateway key; the result has no leaf index yet. */
    public static SignedRecord notarise(Envelope envelope, Signer gatewaySigner) {
        return SignedRecord.of(envelope, DetachedJws.sign(envelope.canonicalBytes(), gatewaySigner));
    }
}
