package io.interdict.audit.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.jose.DetachedJws;
import io.interdict.audit.jose.Ed25519KeyPair;
import io.interdict.audit.jose.JwkSet;
import io.interdict.audit.jose.PublishedKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** A share as PRODUCT.md section 8 pushes it, and the keys that sign it. Public for the benchmarks. */
public final class RecordFixtures {

    public static final Ed25519KeyPair GATEWAY_KEY = Ed25519KeyPair.fromSeed(
            HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

    public static final Ed25519KeyPair AMAZON_KEY = Ed25519KeyPair.fromSeed(
            HexFormat.of().parseHex("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7"));

    public static final Instant KEYS_VALID_FROM = Instant.parse("2026-01-01T00:00:00Z");

    public static final String PUSHED_SHARE = """
            {
              "kind": "COUNTERFEIT_PRODUCT",
              "marking": "TLP:AMBER",
              "audience": ["ipr-center", "cbp"],
              "subject": {
                "sellerAccount": "A3KX9Q1L0PZ", "productId": "B0CXY12345",
                "trackingNumber": "JD014600006281234567", "hsCode": "6403.99",
                "originCountry": "CN", "portOfEntry": "USLAX", "consignee": "Northline Imports LLC"
              },
              "indicators": ["price 80% under list", "logo mismatch"],
              "confidence": 85,
              "evidence": [{"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "description": "listing capture"}],
              "expiresAt": "2027-06-30T00:00:00Z"
            }
            """;

    private RecordFixtures() {}

    public static JwkSet keys() {
        return JwkSet.of(List.of(
                new PublishedKey(GATEWAY_KEY.publicJwk("gw-1"), PublishedKey.GATEWAY, KEYS_VALID_FROM, null),
                new PublishedKey(AMAZON_KEY.publicJwk("amazon-2026-1"), "amazon", KEYS_VALID_FROM, null)));
    }

    /** The pushed body, its submitter JWS, and the payload the gateway stores (body under "submitted"). */
    public static Envelope shareEnvelope(String recordId, boolean submitterSigned) {
        JsonNode pushed = Jcs.parse(PUSHED_SHARE);
        ObjectNode payload = Jcs.mapper().createObjectNode();
        payload.put("shareId", "5d1e7a3c-0f7b-4f4e-9d1a-2b8c6e0f4a11");
        payload.put("version", 1);
        payload.set("submitted", pushed);
        String submitterSignature =
                submitterSigned ? DetachedJws.sign(Jcs.canonicalize(pushed), AMAZON_KEY.signer("amazon-2026-1")) : null;
        return Envelope.of(
                recordId,
                "IntelligenceShared",
                "5d1e7a3c-0f7b-4f4e-9d1a-2b8c6e0f4a11",
                0,
                "amazon",
                Instant.parse("2026-11-30T09:12:44.120Z"),
                payload,
                submitterSignature);
    }

    public static SignedRecord notarisedShare(String recordId) {
        return Notary.notarise(shareEnvelope(recordId, true), GATEWAY_KEY.signer("gw-1"))
                .withLeafIndex(41);
    }
}
