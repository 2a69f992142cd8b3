package io.interdict.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Realistic, varied push bodies (PRODUCT.md §8) within the demo agreements: providers {@code amazon}
 * and {@code dhl}, recipients {@code ipr-center} and {@code cbp}, markings up to {@code TLP:AMBER}.
 * Every body differs (seller, product, tracking number, port, consignee, indicators, evidence), so
 * nothing downstream can cache its way through the benchmark.
 */
final class ShareBodies {

    /** A generated body and whether {@link #CONSUMER} may see the share it creates. */
    record Body(ObjectNode json, boolean visibleToConsumer) {}

    /** The feed consumer of the benchmark. */
    static final String CONSUMER = "ipr-center";

    private static final List<String> KINDS =
            List.of("COUNTERFEIT_SELLER", "COUNTERFEIT_PRODUCT", "SUSPECT_SHIPMENT", "PRICE_GOUGING", "FRAUD");
    private static final List<String> MARKINGS = List.of("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER");
    private static final List<List<String>> AUDIENCES =
            List.of(List.of("cbp", "ipr-center"), List.of("ipr-center"), List.of("cbp"), List.of("cbp", "ipr-center"));
    private static final List<String> PORTS =
            List.of("USLAX", "USLGB", "USNYC", "USSAV", "USHOU", "USSEA", "USORD", "USJFK", "USMIA", "USEWR");
    private static final List<String> ORIGINS = List.of("CN", "HK", "VN", "TR", "IN", "TH", "MY", "AE", "ID", "PK");
    private static final List<String> HS_CODES =
            List.of("6403.99", "6204.62", "4202.21", "9102.11", "8517.13", "3304.99", "9503.00", "6110.20", "8471.30");
    private static final List<String> CONSIGNEE_FIRST = List.of(
            "Northline", "Bluewater", "Summit", "Harbor", "Pioneer", "Redwood", "Atlas", "Keystone", "Meridian");
    private static final List<String> CONSIGNEE_LAST =
            List.of("Imports LLC", "Trading Co.", "Distribution Inc.", "Logistics LLC", "Retail Group", "Supply Corp.");
    private static final List<String> INDICATORS = List.of(
            "price 80% under list",
            "logo mismatch",
            "serial numbers repeat across units",
            "packaging misspells the brand",
            "seller account created within 30 days",
            "ships from a known counterfeit cluster",
            "buyer complaints cite fake hologram",
            "declared value far below market",
            "consignee address is a freight forwarder",
            "multiple listings share one image hash",
            "test purchase failed authentication");
    private static final List<String> EVIDENCE =
            List.of("listing capture", "test purchase photos", "lab report", "invoice scan", "chat transcript");
    private static final char[] ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final RandomGenerator random;

    ShareBodies(RandomGenerator random) {
        this.random = random;
    }

    Body next() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String kind = pick(KINDS);
        String marking = pick(MARKINGS);
        List<String> audience = pick(AUDIENCES);
        ObjectNode body = nodes.objectNode();
        body.put("kind", kind);
        body.put("marking", marking);
        audience.forEach(body.putArray("audience")::add);
        ObjectNode subject = body.putObject("subject");
        subject.put("sellerAccount", "A" + token(10));
        if (!kind.equals("SUSPECT_SHIPMENT") || random.nextBoolean()) {
            subject.put("productId", "B0" + token(8));
        }
        if (random.nextInt(4) > 0) {
            subject.put("trackingNumber", "JD01" + digits(16));
        } else {
            subject.put("airWaybill", digits(3) + "-" + digits(8));
        }
        if (random.nextInt(3) == 0) {
            subject.put("containerNumber", "MSKU" + digits(7));
        }
        subject.put("hsCode", pick(HS_CODES));
        subject.put("originCountry", pick(ORIGINS));
        subject.put("portOfEntry", pick(PORTS));
        subject.put("consignee", pick(CONSIGNEE_FIRST) + " " + pick(CONSIGNEE_LAST));
        var indicators = body.putArray("indicators");
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            indicators.add(pick(INDICATORS));
        }
        body.put("confidence", 40 + random.nextInt(61));
        var evidence = body.putArray("evidence");
        int items = 1 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
            evidence.addObject().put("sha256", hex(64)).put("description", pick(EVIDENCE));
        }
        if (random.nextBoolean()) {
            body.put("expiresAt", "2027-0" + (1 + random.nextInt(9)) + "-" + (10 + random.nextInt(18)) + "T00:00:00Z");
        }
        boolean visible = !marking.equals("TLP:AMBER") || audience.contains(CONSUMER);
        return new Body(body, visible);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String token(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALNUM[random.nextInt(ALNUM.length)];
        }
        return new String(out);
    }

    private String digits(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(out);
    }

    private String hex(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = HEX[random.nextInt(16)];
        }
        return new String(out);
    }
}
