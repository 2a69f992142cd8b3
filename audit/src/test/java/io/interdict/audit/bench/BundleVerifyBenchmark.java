package io.interdict.audit.bench;

import io.interdict.audit.bundle.BundleFixtures;
import io.interdict.audit.bundle.BundleReport;
import io.interdict.audit.bundle.BundleVerifier;
import io.interdict.audit.record.RecordFixtures;
import io.interdict.audit.record.SignedRecord;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A timed run, not JMH: {@code interdict-verify bundle}'s engine over a synthetic bundle file,
 * alternating with raw BouncyCastle Ed25519 verification of the very same signatures (same signing
 * inputs, same thread count), round after round, so both see the same machine load. Prints
 * signatures per second for each and their ratio per round (audit/BENCHMARKS.md).
 *
 * <p>Arguments: records (default 20000), threads (default: processors), rounds (default 5).
 */
public final class BundleVerifyBenchmark {

    private BundleVerifyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1
                ? Integer.parseInt(args[1])
                : Runtime.getRuntime().availableProcessors();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        BundleFixtures log = BundleFixtures.log(records, "bench");
        Path bundle = Files.createTempFile("interdict-bench-", ".json");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bundle))) {
            log.write(out, 0, Math.max(1, records / 2), records);
        }
        List<byte[][]> signatures = rawInputs(log, records);
        System.out.printf(
                "%d records, %d signatures, bundle %.1f MB, %d threads%n",
                records, signatures.size(), Files.size(bundle) / 1e6, threads);

        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds + 1; round++) {
            double raw = rawVerify(signatures, threads);
            double bundleRate = verifyBundle(bundle, threads, signatures.size());
            if (round == 0) {
                System.out.printf("warm-up: raw %.0f sig/s, bundle %.0f sig/s%n", raw, bundleRate);
                continue;
            }
            ratios[round - 1] = bundleRate / raw;
            System.out.printf(
                    "round %d: raw BouncyCastle %.0f sig/s, bundle verifier %.0f sig/s (%.0f records/s): %.0f %%%n",
                    round, raw, bundleRate, bundleRate * records / signatures.size(), 100 * ratios[round - 1]);
        }
        Arrays.sort(ratios);
        System.out.printf(
                "median ratio %.0f %% (min %.0f %%, max %.0f %%)%n",
                100 * ratios[rounds / 2], 100 * ratios[0], 100 * ratios[rounds - 1]);
        Files.deleteIfExists(bundle);
    }

    /** {publicKey, signingInput, signature} of every gateway and submitter signature in the log. */
    private static List<byte[][]> rawInputs(BundleFixtures log, int records) {
        byte[] gatewayKey = RecordFixtures.GATEWAY_KEY.publicKey();
        byte[] amazonKey = RecordFixtures.AMAZON_KEY.publicKey();
        List<byte[][]> inputs = new ArrayList<>(records * 3 / 2);
        for (int i = 0; i < records; i++) {
            SignedRecord record = log.record(i);
            inputs.add(input(
                    gatewayKey,
                    record.gatewaySignature(),
                    record.envelopeFields().canonicalBytes()));
            if (record.submitterSignature() != null) {
                byte[] body = record.payload().get("submittedBody").textValue().getBytes(StandardCharsets.UTF_8);
                inputs.add(input(amazonKey, record.submitterSignature(), body));
            }
        }
        return inputs;
    }

    private static byte[][] input(byte[] publicKey, String jws, byte[] payload) {
        int dots = jws.indexOf("..");
        String signingInput = jws.substring(0, dots) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        byte[] signature = Base64.getUrlDecoder().decode(jws.substring(dots + 2));
        return new byte[][] {publicKey, signingInput.getBytes(StandardCharsets.US_ASCII), signature};
    }

    private static double rawVerify(List<byte[][]> inputs, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> parts = new ArrayList<>();
            int slice = (inputs.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<byte[][]> part =
                        inputs.subList(Math.min(inputs.size(), t * slice), Math.min(inputs.size(), (t + 1) * slice));
                parts.add(pool.submit(() -> {
                    int valid = 0;
                    // Each key decoded once, as Ed25519Verifier does.
                    java.util.Map<String, Ed25519PublicKeyParameters> keys = new java.util.HashMap<>();
                    for (byte[][] input : part) {
                        Ed25519PublicKeyParameters key = keys.computeIfAbsent(
                                Base64.getEncoder().encodeToString(input[0]),
                                k -> new Ed25519PublicKeyParameters(input[0], 0));
                        Ed25519Signer verifier = new Ed25519Signer();
                        verifier.init(false, key);
                        verifier.update(input[1], 0, input[1].length);
                        if (verifier.verifySignature(input[2])) {
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
            if (valid != inputs.size()) {
                throw new IllegalStateException("raw verification failed for " + (inputs.size() - valid));
            }
            return inputs.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double verifyBundle(Path bundle, int threads, int signatures) throws Exception {
        long start = System.nanoTime();
        BundleReport report;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(bundle), 1 << 16)) {
            report =
                    new BundleVerifier(threads, Long.MAX_VALUE, (done, expected) -> {}, finding -> {}).verify(in, null);
        }
        if (!report.verified()) {
            throw new IllegalStateException(
                    "the bundle did not verify: " + report.findings().get(0).describe());
        }
        return signatures / ((System.nanoTime() - start) / 1e9);
    }
}
