package io.interdict.gateway.record;

import io.interdict.audit.jose.DetachedJws;
import io.interdict.gateway.log.TreeHeadSigner;
import org.springframework.stereotype.Component;

/** Signed tree heads carry the gateway's notarisation key, published in the JWK set like any other. */
@Component
class GatewayTreeHeadSigner implements TreeHeadSigner {

    private final GatewaySigningKey key;

    GatewayTreeHeadSigner(GatewaySigningKey key) {
        this.key = key;
    }

    @Override
    public String signDetached(byte[] payload) {
        return DetachedJws.sign(payload, key.signer());
    }
}
