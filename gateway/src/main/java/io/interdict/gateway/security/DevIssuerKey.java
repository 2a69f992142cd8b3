package io.interdict.gateway.security;

import com.nimbusds.jose.jwk.RSAKey;

/** The development issuer's signing key pair ({@link DevIssuerKeyFile}); only its public half leaves. */
record DevIssuerKey(RSAKey signingKey) {

    @Override
    public String toString() {
        return "DevIssuerKey[kid=" + signingKey.getKeyID() + "]";
    }
}
