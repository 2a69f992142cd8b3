package io.interdict.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.interdict.audit.bundle.BundleReport;
import io.interdict.audit.bundle.BundleVerifier;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.record.SignedRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The audit phase's in-process part: the audit module's {@link BundleVerifier} over an exported
 * bundle file, alternating round by round with raw BouncyCastle Ed25519 verification of exactly the
 * bundle's signatures (the same signing inputs, keys and thread count), so both sides of each ratio
 * saw the same machine load.
 */
final class AuditBench {

    /** One signature as raw Ed25519 sees it: the key, the JWS signing input and the signature. */
    record RawSignature(byte[] publicKey, byte[] signingInput, byte[] signature) {}

    /** Rates of one round, in signatures per second. */
    record Round(double raw, double bundle) {
        double ratio() {
            return bundle / raw;
        }
    }

    /** One value at a time from the stream: the strict mapper, minus its end-of-input check. */
    private static final ObjectReader VALUES =
            Jcs.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path bundle;
    private final int threads;
    private final List<RawSignature> signatures;
    private final long records;

    private AuditBench(Path bundle, int threads, List<RawSignature> signatures, long records) {
        this.bundle = bundle;
        this.threads = threads;
        this.signatures = signatures;
        this.records = records;
    }

    long records() {
        return records;
    }

    int signatures() {
        return signatures.size();
    }

    /** Reads every signature of the bundle (untimed), for the raw side. */
    static AuditBench of(Path bundle, int threads) throws IOException {
        Map<String, byte[]> keys = new HashMap<>();
        List<RawSignature> signatures = new ArrayList<>();
        long records = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(bundle), 1 << 16);
                JsonParser parser = Jcs.mapper().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("expected a bundle object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("keys")) {
                    JsonNode set = VALUES.readTree(parser);
                    for (JsonNode key : set.path("keys")) {
                        keys.put(
                                key.get("kid").asText(),
                                Base64.getUrlDecoder().decode(key.get("x").asText()));
                    }
                } else if (name.equals("records")) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        SignedRecord record = SignedRecord.fromJson(VALUES.readTree(parser));
                        records++;
                        signatures.add(raw(
                                keys,
                                record.gatewaySignature(),
                                record.envelopeFields().canonicalBytes()));
                        if (record.submitterSignature() != null) {
                            JsonNode submitted = record.payload().get("submittedBody");
                            byte[] body = submitted != null && submitted.isTextual()
                                    ? submitted.textValue().getBytes(StandardCharsets.UTF_8)
                                    : Jcs.canonicalize(record.payload().get("submitted"));
                            signatures.add(raw(keys, record.submitterSignature(), body));
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new AuditBench(bundle, threads, signatures, records);
    }

    private static RawSignature raw(Map<String, byte[]> keys, String jws, byte[] payload) {
        int dots = jws.indexOf("..");
        String header = jws.substring(0, dots);
        JsonNode parsed = Jcs.parse(Base64.getUrlDecoder().decode(header));
        byte[] key = keys.get(parsed.get("kid").asText());
        if (key == null) {
            throw new IllegalStateException("the bundle's key set has no key " + parsed.get("kid"));
        }
        String signingInput =
                header + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        return new RawSignature(
                key,
                signingInput.getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlDecoder().decode(jws.substring(dots + 2)));
    }

    /** One raw round then one bundle round. */
    Round round() throws Exception {
        double raw = rawVerify();
        double bundleRate = verifyBundle();
        return new Round(raw, bundleRate);
    }

    private double rawVerify() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> parts = new ArrayList<>();
            int slice = (signatures.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<RawSignature> part = signatures.subList(
                        Math.min(signatures.size(), t * slice), Math.min(signatures.size(), (t + 1) * slice));
                parts.add(pool.submit(() -> {
                    int valid = 0;
                    // Each key decoded once, as the verifier's key resolution does.
                    Map<String, Ed25519PublicKeyParameters> decoded = new HashMap<>();
                    for (RawSignature s : part) {
                        Ed25519PublicKeyParameters key = decoded.computeIfAbsent(
                                Base64.getEncoder().encodeToString(s.publicKey()),
                                k -> new Ed25519PublicKeyParameters(s.publicKey(), 0));
                        Ed25519Signer verifier = new Ed25519Signer();
                        verifier.init(false, key);
                        verifier.update(s.signingInput(), 0, s.signingInput().length);
                        if (verifier.verifySignature(s.signature())) {
                            valid++;
                        }
                    }
                    return valid;
                }));
            }
            int valid = 0;
            for (Future<Integer> part : parts) {
                valid += part.get();
            }
            if (valid != signatures.size()) {
                throw new IllegalStateException("raw Ed25519 refused " + (signatures.size() - valid) + " signatures");
            }
            return signatures.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private double verifyBundle() throws IOException {
        long start = System.nanoTime();
        BundleReport report;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(bundle), 1 << 16)) {
            report =
                    new BundleVerifier(threads, Long.MAX_VALUE, (done, expected) -> {}, finding -> {}).verify(in, null);
        }
        if (!report.verified()) {
            throw new IllegalStateException("the exported bundle did not verify: "
                    + report.findings().get(0).describe() + " ("
                    + report.findings().size() + " findings)");
        }
        return signatures.size() / ((System.nanoTime() - start) / 1e9);
    }
}
