package io.interdict.gateway.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/** Share bodies for integration tests, as a partner would send them (PRODUCT.md §8). */
public final class Shares {

    private Shares() {}

    /** A valid push body: TLP:AMBER, COUNTERFEIT_PRODUCT, to the given audience; seller made unique. */
    public static ObjectNode body(String marking, List<String> audience) {
        ObjectNode body = ApiClient.JSON.createObjectNode();
        body.put("kind", "COUNTERFEIT_PRODUCT");
        body.put("marking", marking);
        ArrayNode recipients = body.putArray("audience");
        audience.forEach(recipients::add);
        ObjectNode subject = body.putObject("subject");
        subject.put("sellerAccount", "S-" + UUID.randomUUID().toString().substring(0, 8));
        subject.put("productId", "B0CXY12345");
        subject.put("portOfEntry", "USLAX");
        body.putArray("indicators").add("price 80% under list");
        body.put("confidence", 85);
        body.putArray("evidence")
                .addObject()
                .put("sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .put("description", "listing capture");
        return body;
    }

    public static ObjectNode amber() {
        return body("TLP:AMBER", List.of("cbp", "ipr-center"));
    }

    /** A fresh partner id, unique to the run. */
    public static String freshPartnerId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
