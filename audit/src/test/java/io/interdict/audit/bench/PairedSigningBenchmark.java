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
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The same comparison as {@link SigningBenchmark}, but each pair runs at the same time on one
 * thread each (a JMH group), so that both sides see the same machine load. On a shared machine
 * whose load swings between runs, only these ratios are comparable.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PairedSigningBenchmark {

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
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, rawPrivateKey);
        signer.update(canonicalEnvelope, 0, canonicalEnvelope.length);
        rawSignature = signer.generateSignature();
    }

    @Benchmark
    @Group("sign")
    @GroupThreads(1)
    public SignedRecord canonicaliseAndSign() {
        return Notary.notarise(envelope, gatewaySigner);
    }

    @Benchmark
    @Group("sign")
    @GroupThreads(1)
    public byte[] rawSign() {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, rawPrivateKey);
        signer.update(canonicalEnvelope, 0, canonicalEnvelope.length);
        return signer.generateSignature();
    }

    @Benchmark
    @Group("verify")
    @GroupThreads(1)
    public JwsVerification canonicaliseAndVerify() {
        return DetachedJws.verify(record.gatewaySignature(), Jcs.canonicalize(record.envelope()), gatewayKeys);
    }

    @Benchmark
    @Group("verify")
    @GroupThreads(1)
    public boolean rawVerify() {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, rawPublicKey);
        verifier.update(canonicalEnvelope, 0, canonicalEnvelope.length);
        return verifier.verifySignature(rawSignature);
    }
}
