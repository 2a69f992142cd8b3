package io.interdict.load;

import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.jose.Ed25519KeyPair;
import io.interdict.audit.jose.SignatureVerifier;
import io.interdict.audit.jose.Signer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The Ed25519 work every pushed share costs the gateway whatever else it does, timed on one thread
 * with the audit module's own signer and verifier (BouncyCastle, as in the gateway): one verify of
 * the submitter's signature over the share's canonical body, and one signature over the record's
 * envelope, which holds that body twice (as the payload and as the signed text). Spread over every
 * core with nothing else running, this bounds the shares per second any gateway that checks and
 * notarises each share can accept on this machine (BENCHMARKS.md, "What bounds push and batch").
 */
final class CryptoFloor {

    /** Single-thread rates, and the ceiling they imply. */
    record Outcome(double signsPerSecond, double verifiesPerSecond, int bodyBytes, int envelopeBytes) {

        /** Seconds of one core per share: one verify and one signature. */
        double secondsPerShare() {
            return 1 / verifiesPerSecond + 1 / signsPerSecond;
        }

        /** Shares per second with every core doing only this per share. */
        double sharesPerSecond(int cores) {
            return cores / secondsPerShare();
        }
    }

    private CryptoFloor() {}

    static Outcome measure(Duration warmup, Duration window) {
        Ed25519KeyPair key = Ed25519KeyPair.generate(new SecureRandom());
        Signer signer = key.signer("floor");
        SignatureVerifier verifier = key.verifier();
        ShareBodies bodies = new ShareBodies(new Random(11));
        List<byte[]> messages = new ArrayList<>();
        List<byte[]> envelopes = new ArrayList<>();
        List<byte[]> signatures = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            byte[] body = Jcs.canonicalize(bodies.next().json());
            messages.add(body);
            signatures.add(signer.sign(body));
            byte[] envelope = new byte[2 * body.length + 400];
            System.arraycopy(body, 0, envelope, 0, body.length);
            System.arraycopy(body, 0, envelope, body.length, body.length);
            System.arraycopy("x".repeat(400).getBytes(StandardCharsets.US_ASCII), 0, envelope, 2 * body.length, 400);
            envelopes.add(envelope);
        }
        rate(warmup, n -> signer.sign(envelopes.get(n & 255)));
        double signs = rate(window, n -> signer.sign(envelopes.get(n & 255)));
        rate(warmup, n -> check(verifier.verify(messages.get(n & 255), signatures.get(n & 255))));
        double verifies = rate(window, n -> check(verifier.verify(messages.get(n & 255), signatures.get(n & 255))));
        return new Outcome(
                signs,
                verifies,
                messages.stream().mapToInt(m -> m.length).sum() / messages.size(),
                envelopes.stream().mapToInt(m -> m.length).sum() / envelopes.size());
    }

    private static Object check(boolean valid) {
        if (!valid) {
            throw new IllegalStateException("a signature made a moment ago does not verify");
        }
        return Boolean.TRUE;
    }

    private static double rate(Duration window, java.util.function.IntFunction<Object> operation) {
        long end = System.nanoTime() + window.toNanos();
        long start = System.nanoTime();
        int n = 0;
        Object sink = null;
        while (System.nanoTime() < end) {
            sink = operation.apply(n++);
        }
        if (sink == null && n > 0) {
            throw new IllegalStateException("no result");
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
