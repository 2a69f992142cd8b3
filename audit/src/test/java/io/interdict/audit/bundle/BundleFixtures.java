package io.interdict.audit.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.jose.DetachedJws;
import io.interdict.audit.jose.JwkSet;
import io.interdict.audit.jose.Signer;
import io.interdict.audit.merkle.ConsistencyProofs;
import io.interdict.audit.merkle.Frontier;
import io.interdict.audit.merkle.MerkleAppender;
import io.interdict.audit.merkle.MerkleHashes;
import io.interdict.audit.merkle.MerkleTreeHash;
import io.interdict.audit.merkle.SubtreeHashes;
import io.interdict.audit.merkle.SubtreeNode;
import io.interdict.audit.record.Envelope;
import io.interdict.audit.record.Notary;
import io.interdict.audit.record.RecordFixtures;
import io.interdict.audit.record.SignedRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic log built in memory the way the gateway builds its own: share records notarised with
 * {@link Notary} (every other one signed by its submitter, the pushed body kept as a JCS string in
 * {@code payload.submittedBody} as the gateway stores it), appended with {@link MerkleAppender},
 * heads signed with the gateway key. Public for the benchmark.
 */
public final class BundleFixtures {

    public static final Signer GATEWAY = RecordFixtures.GATEWAY_KEY.signer("gw-1");
    public static final Signer AMAZON = RecordFixtures.AMAZON_KEY.signer("amazon-2026-1");
    static final String HEAD_TIME = "2026-11-30T10:00:00.000Z";

    private final List<SignedRecord> records = new ArrayList<>();
    private final Map<Long, byte[]> rows = new HashMap<>();
    private final SubtreeHashes storage = (level, index) -> {
        byte[] hash = rows.get(key(level, index));
        if (hash == null) {
            throw new IllegalStateException("no row " + level + "/" + index);
        }
        return hash;
    };

    private BundleFixtures() {}

    /** A log of {@code size} records; {@code flavour} changes every record's content (another log). */
    public static BundleFixtures log(int size, String flavour) {
        BundleFixtures log = new BundleFixtures();
        Frontier frontier = Frontier.empty();
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            SignedRecord record = Notary.notarise(share(i, flavour), GATEWAY).withLeafIndex(i);
            log.records.add(record);
            hashes.add(MerkleHashes.hashLeaf(record.leafBytes()));
            if (hashes.size() == 1000 || i == size - 1) {
                MerkleAppender.AppendResult appended = MerkleAppender.append(frontier, hashes);
                for (SubtreeNode node : appended.completedNodes()) {
                    log.rows.put(key(node.level(), node.index()), node.hash());
                }
                frontier = appended.frontier();
                hashes = new ArrayList<>();
            }
        }
        return log;
    }

    static Envelope share(int i, String flavour) {
        JsonNode pushed = Jcs.parse(RecordFixtures.PUSHED_SHARE.replace("A3KX9Q1L0PZ", flavour + "-" + i));
        String body = Jcs.canonicalString(pushed);
        ObjectNode payload = Jcs.mapper().createObjectNode();
        payload.put("shareId", "share-" + flavour + "-" + i);
        payload.put("version", 1);
        payload.put("provider", "amazon");
        String submitterSignature = null;
        if (i % 2 == 0) {
            submitterSignature = DetachedJws.sign(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), AMAZON);
            payload.put("submitterSignature", submitterSignature);
            payload.put("submittedBody", body);
        }
        return Envelope.of(
                "rec-" + flavour + "-" + i,
                "IntelligenceShared",
                "share-" + flavour + "-" + i,
                0,
                "amazon",
                Instant.parse("2026-11-30T09:00:00Z").plusMillis(i),
                payload,
                submitterSignature);
    }

    public static JwkSet keys() {
        return RecordFixtures.keys();
    }

    public SignedRecord record(int leafIndex) {
        return records.get(leafIndex);
    }

    /** A signed head of the first {@code size} leaves. */
    public SignedTreeHead head(long size) {
        byte[] root = size == 0 ? MerkleHashes.emptyRoot() : MerkleTreeHash.root(size, storage);
        SignedTreeHead unsigned = new SignedTreeHead(size, root, HEAD_TIME, "unsigned");
        return new SignedTreeHead(size, root, HEAD_TIME, DetachedJws.sign(unsigned.signedPayload(), GATEWAY));
    }

    /** Writes the bundle of leaves {@code [from, size)} with heads of {@code firstSize} and {@code size}. */
    public void write(OutputStream out, long from, long firstSize, long size) throws IOException {
        BundleWriter writer = new BundleWriter(out);
        writer.writeHeader(
                keys(),
                head(firstSize),
                head(size),
                ConsistencyProofs.generate(firstSize, size, storage),
                Frontier.load(from, storage));
        for (long i = from; i < size; i++) {
            writer.writeRecord(records.get((int) i));
        }
        writer.finish();
    }

    /** The bundle as a tree, for tests that edit it. */
    public ObjectNode bundle(long from, long firstSize, long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, from, firstSize, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (ObjectNode) Jcs.parse(out.toByteArray());
    }

    private static long key(int level, long index) {
        return ((long) level << 56) | index;
    }
}
