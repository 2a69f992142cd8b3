package io.interdict.audit.bench;

import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.jose.DetachedJws;
import io.interdict.audit.jose.JwsVerification;
import io.interdict.audit.jose.KeyResolver;
import io.interdict.audit.jose.PublishedKey;
import io.interdict.audit.jose.Signer;
import io.interdict.audit.record.Envelope;
import io.interdict.audit.record.Notary;
import io.interdict.audit.record.RecordFixtures;
import io.interdict.audit.record.SignedRecord;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What notarising and verifying one share record costs, beside the Ed25519 operation alone on the
 * same bytes (see audit/BENCHMARKS.md for the command and the figures).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmark {

    private Envelope envelope;
    private SignedRecord record;
    private Signer gatewaySigner;
    private KeyResolver gatewayKeys;
    private byte[] canonicalEnvelope;
    private byte[] rawSignature;
    private Ed25519PrivateKeyParameters rawPrivateKey;
    private Ed25519PublicKeyParameters rawPublicKey;

    @Setup
    public void setUp() {
        envelope = RecordFixtures.shareEnvelope("0b6f2c1e-8d44-4a3f-b6a2-6f1e9c0d7a55", true);
        gatewaySigner = RecordFixtures.GATEWAY_KEY.signer("gw-1");
        record = Notary.notarise(envelope, gatewaySigner);
        gatewayKeys = RecordFixtures.keys().resolverFor(PublishedKey.GATEWAY, Instant.parse(record.recordedAt()));
        canonicalEnvelope = Jcs.canonicalize(envelope.toJson());
        rawPrivateKey = new Ed25519PrivateKeyParameters(RecordFixtures.GATEWAY_KEY.seed(), 0);
        rawPublicKey = rawPrivateKey.generatePublicKey();
        rawSignature = rawSign();
        if (record.leafBytes().length < 900 || !canonicaliseAndVerify().isValid()) {
            throw new IllegalStateException(
                    "fixture is not a ~1 KB valid record: " + record.leafBytes().length + " bytes");
        }
    }

    /** The gateway's notarisation: JCS of the envelope tree, then a detached JWS. */
    @Benchmark
    public SignedRecord canonicaliseAndSign() {
        return Notary.notarise(envelope, gatewaySigner);
    }

    /** An auditor's check of the gateway signature: JCS of the envelope, parse the JWS, verify. */
    @Benchmark
    public JwsVerification canonicaliseAndVerify() {
        return DetachedJws.verify(record.gatewaySignature(), Jcs.canonicalize(record.envelope()), gatewayKeys);
    }

    /** JCS alone, to see what canonicalisation costs on its own. */
    @Benchmark
    public byte[] canonicaliseOnly() {
        return Jcs.canonicalize(record.envelope());
    }

    /** BouncyCastle Ed25519 over the same canonical bytes, no JSON and no JOSE. */
    @Benchmark
    public byte[] rawSign() {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, rawPrivateKey);
        signer.update(canonicalEnvelope, 0, canonicalEnvelope.length);
        return signer.generateSignature();
    }

    @Benchmark
    public boolean rawVerify() {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, rawPublicKey);
        verifier.update(canonicalEnvelope, 0, canonicalEnvelope.length);
        return verifier.verifySignature(rawSignature);
    }
}
