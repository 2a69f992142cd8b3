package io.interdict.audit.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.CanonicalizationException;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.jose.InvalidJwkException;
import io.interdict.audit.jose.JwkSet;
import io.interdict.audit.jose.JwsVerification;
import io.interdict.audit.merkle.ConsistencyProofs;
import io.interdict.audit.merkle.Frontier;
import io.interdict.audit.merkle.MerkleAppender;
import io.interdict.audit.merkle.MerkleHashes;
import io.interdict.audit.merkle.VerificationResult;
import io.interdict.audit.record.InvalidRecordException;
import io.interdict.audit.record.RecordFailure;
import io.interdict.audit.record.RecordVerification;
import io.interdict.audit.record.RecordVerifier;
import io.interdict.audit.record.SignedRecord;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Verifies an audit bundle (audit/BUNDLE.md) end to end, offline, with the bundle's own public keys
 * and, optionally, a tree head the auditor saved earlier:
 *
 * <ol>
 *   <li>both tree head signatures (keys owned by "gateway", valid at the head's timestamp);
 *   <li>the RFC 9162 section 2.1.4 consistency proof from {@code firstTreeHead} to {@code treeHead};
 *   <li>every record's gateway and submitter signature ({@link RecordVerifier}: key owner and
 *       validity at {@code recordedAt});
 *   <li>leaf indexes {@code fromLeaf, fromLeaf + 1, …, treeSize - 1} without a gap;
 *   <li>every leaf hash recomputed from the record's bytes and appended, after the
 *       {@code leftFrontier} of leaves {@code [0, fromLeaf)}, to a Merkle tree whose root must equal
 *       {@code treeHead.rootHash} (compared with {@link MessageDigest#isEqual});
 *   <li>the trusted head, when given: its root equal to the bundle's tree of the same size (the
 *       first head's, the head's, or the root recomputed from the records when the size falls within
 *       them).
 * </ol>
 *
 * Records are read one at a time from the stream; signature checks and leaf hashing run in batches
 * on {@code threads} threads, and only the Merkle appends are sequential.
 */
public final class BundleVerifier {

    /** Told every {@code progressEvery} records, from the calling thread. */
    @FunctionalInterface
    public interface Progress {
        void recordsVerified(long done, long expected);
    }

    private static final Set<String> HEADER_MEMBERS =
            Set.of("format", "keys", "firstTreeHead", "treeHead", "consistencyProof", "fromLeaf", "leftFrontier");

    private static final int BATCH = 128;

    /** Reads one value at a time from the stream: the strict mapper, minus its end-of-input check. */
    private static final ObjectReader VALUES =
            Jcs.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final int threads;
    private final long progressEvery;
    private final Progress progress;
    private final Consumer<BundleFinding> findingSink;

    /**
     * @param threads signature-checking threads (at least 1)
     * @param progressEvery records between two progress calls
     * @param findingSink told of each finding as it is made (e.g. to print it at once)
     */
    public BundleVerifier(int threads, long progressEvery, Progress progress, Consumer<BundleFinding> findingSink) {
        if (threads < 1 || progressEvery < 1) {
            throw new IllegalArgumentException(
                    "expected threads >= 1 and progressEvery >= 1, found " + threads + " and " + progressEvery);
        }
        this.threads = threads;
        this.progressEvery = progressEvery;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.findingSink = Objects.requireNonNull(findingSink, "findingSink");
    }

    /** A verifier with one thread per processor, no progress and no finding sink. */
    public static BundleVerifier quiet() {
        return new BundleVerifier(Runtime.getRuntime().availableProcessors(), Long.MAX_VALUE, (d, e) -> {}, f -> {});
    }

    /**
     * Reads and verifies the bundle.
     *
     * @param trusted a head the auditor saved earlier, or null
     * @throws BundleFormatException when the bundle (or the trusted head) cannot be read as a bundle
     * @throws IOException when the stream cannot be read or is not JSON
     */
    public BundleReport verify(InputStream bundle, SignedTreeHead trusted) throws IOException {
        Run run = new Run(trusted);
        try (JsonParser parser = Jcs.mapper().createParser(bundle)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BundleFormatException("expected a bundle as one JSON object");
            }
            Map<String, JsonNode> header = new HashMap<>();
            boolean records = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("records")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new BundleFormatException("expected \"records\" as an array, found " + value);
                    }
                    run.start(header);
                    run.records(parser);
                    records = true;
                    continue;
                }
                if (records) {
                    throw new BundleFormatException(
                            "expected \"records\" as the last member (so the bundle streams), found \"" + name
                                    + "\" after it");
                }
                if (!HEADER_MEMBERS.contains(name)) {
                    throw new BundleFormatException(
                            "unexpected member \"" + name + "\"; expected " + HEADER_MEMBERS + " and \"records\"");
                }
                header.put(name, VALUES.readTree(parser));
            }
            if (!records) {
                throw new BundleFormatException("expected a \"records\" array, found none");
            }
            if (parser.nextToken() != null) {
                throw new BundleFormatException("unexpected content after the bundle object");
            }
        }
        return run.finish();
    }

    /** One verification: the header, the Merkle state and the findings so far. */
    private final class Run {
        private final SignedTreeHead trusted;
        private final List<BundleFinding> findings = new ArrayList<>();
        private JwkSet keys;
        private SignedTreeHead firstHead;
        private SignedTreeHead head;
        private RecordVerifier recordVerifier;
        private Frontier frontier;
        private long fromLeaf;
        private long expectedLeaf;
        private long records;
        private boolean trustedCheckedByReplay;

        Run(SignedTreeHead trusted) {
            this.trusted = trusted;
        }

        void found(Long leafIndex, String recordId, String reason, String detail) {
            BundleFinding finding = new BundleFinding(leafIndex, recordId, reason, detail);
            findings.add(finding);
            findingSink.accept(finding);
        }

        void start(Map<String, JsonNode> header) {
            for (String member : HEADER_MEMBERS) {
                if (!header.containsKey(member)) {
                    throw new BundleFormatException("expected member \"" + member + "\" before \"records\"");
                }
            }
            JsonNode format = header.get("format");
            if (!format.isTextual() || !BundleWriter.FORMAT.equals(format.textValue())) {
                throw new BundleFormatException("expected \"format\":\"" + BundleWriter.FORMAT + "\", found " + format);
            }
            try {
                keys = JwkSet.parse(header.get("keys"));
            } catch (InvalidJwkException e) {
                throw new BundleFormatException("keys: " + e.getMessage(), e);
            }
            recordVerifier = new RecordVerifier(keys);
            firstHead = SignedTreeHead.parse(header.get("firstTreeHead"), "firstTreeHead");
            head = SignedTreeHead.parse(header.get("treeHead"), "treeHead");
            fromLeaf = nonNegative(header.get("fromLeaf"), "fromLeaf");
            if (fromLeaf > head.treeSize()) {
                throw new BundleFormatException(
                        "expected fromLeaf <= treeHead.treeSize " + head.treeSize() + ", found " + fromLeaf);
            }
            try {
                frontier = new Frontier(fromLeaf, hashes(header.get("leftFrontier"), "leftFrontier"));
            } catch (IllegalArgumentException e) {
                throw new BundleFormatException("leftFrontier: " + e.getMessage(), e);
            }
            expectedLeaf = fromLeaf;

            checkHeadSignature("treeHead", head);
            checkHeadSignature("firstTreeHead", firstHead);
            checkConsistency(header.get("consistencyProof"));
            if (trusted != null) {
                checkTrustedHead();
            }
        }

        private void checkHeadSignature(String which, SignedTreeHead signed) {
            JwsVerification verification = signed.verifySignature(keys);
            if (!verification.isValid()) {
                found(
                        null,
                        null,
                        "TREE_HEAD_SIGNATURE",
                        which + " of size " + signed.treeSize() + ": " + verification.failure() + ": "
                                + verification.detail());
            }
        }

        private void checkConsistency(JsonNode proof) {
            if (!proof.isObject()) {
                throw new BundleFormatException("expected \"consistencyProof\" as an object");
            }
            long first = nonNegative(proof.get("first"), "consistencyProof.first");
            long second = nonNegative(proof.get("second"), "consistencyProof.second");
            List<byte[]> path = hashes(proof.get("consistencyPath"), "consistencyProof.consistencyPath");
            if (first != firstHead.treeSize() || second != head.treeSize()) {
                found(
                        null,
                        null,
                        "CONSISTENCY",
                        "the proof is for sizes " + first + " and " + second + ", the heads have "
                                + firstHead.treeSize() + " and " + head.treeSize());
                return;
            }
            VerificationResult result =
                    ConsistencyProofs.verify(first, second, firstHead.rootHash(), head.rootHash(), path);
            if (!result.verified()) {
                found(
                        null,
                        null,
                        "CONSISTENCY",
                        "firstTreeHead " + first + " to treeHead " + second + ": " + result.outcome() + ": "
                                + result.detail());
            }
        }

        private void checkTrustedHead() {
            JwsVerification signature = trusted.verifySignature(keys);
            if (!signature.isValid()) {
                found(
                        null,
                        null,
                        "TRUSTED_HEAD_SIGNATURE",
                        "trusted head of size " + trusted.treeSize() + ": " + signature.failure() + ": "
                                + signature.detail());
            }
            long size = trusted.treeSize();
            if (size > head.treeSize()) {
                found(
                        null,
                        null,
                        "TRUSTED_HEAD",
                        "the trusted head has " + size + " leaves, the bundle's head only " + head.treeSize()
                                + ": a log never shrinks (or export a newer bundle)");
            } else if (size == 0) {
                compareTrusted(MerkleHashes.emptyRoot(), "the empty tree");
            } else if (size == firstHead.treeSize()) {
                compareTrusted(firstHead.rootHash(), "firstTreeHead");
            } else if (size == head.treeSize()) {
                compareTrusted(head.rootHash(), "treeHead");
            } else if (size >= fromLeaf) {
                trustedCheckedByReplay = true;
            } else {
                throw new BundleFormatException("the trusted head has size " + size + ", which this bundle can"
                        + " neither prove nor refute (its first head has size " + firstHead.treeSize()
                        + " and its records start at leaf " + fromLeaf + "); export a bundle with firstTreeSize="
                        + size + " (or from <= " + size + ")");
            }
        }

        private void compareTrusted(byte[] root, String what) {
            if (!MessageDigest.isEqual(root, trusted.rootHash())) {
                found(
                        null,
                        null,
                        "TRUSTED_HEAD",
                        "the trusted head of size " + trusted.treeSize() + " has root " + trusted.rootHashBase64()
                                + ", " + what + " of the same size proves root "
                                + java.util.Base64.getEncoder().encodeToString(root)
                                + ": the log was rewritten or the head forged");
            }
        }

        void records(JsonParser parser) throws IOException {
            long expected = head.treeSize() - fromLeaf;
            long nextProgress = progressEvery;
            ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "bundle-verifier");
                thread.setDaemon(true);
                return thread;
            });
            Deque<Future<List<Checked>>> pending = new ArrayDeque<>();
            try {
                List<JsonNode> batch = new ArrayList<>(BATCH);
                long read = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() == null) {
                        throw new BundleFormatException("the records array is cut short");
                    }
                    batch.add(VALUES.readTree(parser));
                    read++;
                    if (batch.size() == BATCH) {
                        List<JsonNode> full = batch;
                        pending.add(pool.submit(() -> check(full)));
                        batch = new ArrayList<>(BATCH);
                        while (pending.size() >= threads * 4) {
                            absorb(await(pending.poll()));
                        }
                        if (records >= nextProgress) {
                            progress.recordsVerified(records, expected);
                            nextProgress = (records / progressEvery + 1) * progressEvery;
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    List<JsonNode> last = batch;
                    pending.add(pool.submit(() -> check(last)));
                }
                while (!pending.isEmpty()) {
                    absorb(await(pending.poll()));
                }
                if (read > 0) {
                    progress.recordsVerified(records, expected);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        private List<Checked> await(Future<List<Checked>> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("verifying a batch failed: " + e.getCause(), e.getCause());
            }
        }

        /** On a worker thread: parse, both signatures, leaf hash. */
        private List<Checked> check(List<JsonNode> nodes) {
            List<Checked> checked = new ArrayList<>(nodes.size());
            for (JsonNode node : nodes) {
                checked.add(checkOne(node));
            }
            return checked;
        }

        private Checked checkOne(JsonNode node) {
            String recordId =
                    node.path("recordId").isTextual() ? node.get("recordId").textValue() : null;
            JsonNode index = node.get("leafIndex");
            Long leafIndex =
                    index != null && index.isIntegralNumber() && index.canConvertToLong() ? index.longValue() : null;
            List<String[]> problems = new ArrayList<>(0);
            byte[] leafHash;
            try {
                SignedRecord record = SignedRecord.fromJson(node);
                byte[] envelope = record.envelopeFields().canonicalBytes();
                RecordVerification verification = recordVerifier.verify(record, envelope);
                for (RecordFailure failure : verification.failures()) {
                    problems.add(
                            new String[] {failure.role() + "_SIGNATURE", failure.reason() + ": " + failure.detail()});
                }
                byte[] leaf = LeafBytes.fromEnvelope(envelope, record.gatewaySignature());
                leafHash = MerkleHashes.hashLeaf(leaf != null ? leaf : record.leafBytes());
            } catch (InvalidRecordException | CanonicalizationException e) {
                problems.add(new String[] {"MALFORMED_RECORD", e.getMessage()});
                leafHash = fallbackLeafHash(node);
            }
            return new Checked(recordId, leafIndex, leafHash, problems);
        }

        /** Sequential: leaf order, findings, Merkle appends. */
        private void absorb(List<Checked> batch) {
            List<byte[]> leafHashes = new ArrayList<>(batch.size());
            for (Checked item : batch) {
                long position = fromLeaf + records;
                records++;
                Long where = item.leafIndex() != null ? item.leafIndex() : position;
                if (item.leafIndex() == null) {
                    found(
                            position,
                            item.recordId(),
                            "LEAF_INDEX",
                            "expected leafIndex " + expectedLeaf + ", found none");
                    expectedLeaf++;
                } else if (item.leafIndex() != expectedLeaf) {
                    long found = item.leafIndex();
                    found(
                            found,
                            item.recordId(),
                            "LEAF_GAP",
                            found > expectedLeaf
                                    ? "expected leaf " + expectedLeaf + ", found " + found + ": "
                                            + (found - expectedLeaf) + " leaf(s) missing before it"
                                    : "expected leaf " + expectedLeaf + ", found " + found
                                            + ": out of order or repeated");
                    expectedLeaf = found + 1;
                } else {
                    expectedLeaf++;
                }
                for (String[] problem : item.problems()) {
                    found(where, item.recordId(), problem[0], problem[1]);
                }
                leafHashes.add(item.leafHash());
            }
            append(leafHashes);
        }

        private void append(List<byte[]> leafHashes) {
            if (trustedCheckedByReplay) {
                long size = trusted.treeSize();
                long start = frontier.treeSize();
                if (start < size && size <= start + leafHashes.size()) {
                    int split = (int) (size - start);
                    frontier = MerkleAppender.append(frontier, leafHashes.subList(0, split))
                            .frontier();
                    compareTrusted(frontier.rootHash(), "the tree recomputed from the records");
                    trustedCheckedByReplay = false;
                    leafHashes = leafHashes.subList(split, leafHashes.size());
                }
            }
            if (!leafHashes.isEmpty()) {
                frontier = MerkleAppender.append(frontier, leafHashes).frontier();
            }
        }

        BundleReport finish() {
            long expected = head.treeSize() - fromLeaf;
            if (records != expected) {
                found(
                        null,
                        null,
                        "RECORD_COUNT",
                        "the bundle holds " + records + " records for leaves [" + fromLeaf + ", " + head.treeSize()
                                + "), expected " + expected);
            }
            if (trustedCheckedByReplay) {
                found(
                        null,
                        null,
                        "TRUSTED_HEAD",
                        "the records did not reach the trusted head's size " + trusted.treeSize());
            }
            if (frontier.treeSize() == head.treeSize()) {
                if (!MessageDigest.isEqual(frontier.rootHash(), head.rootHash())) {
                    found(
                            null,
                            null,
                            "ROOT_MISMATCH",
                            "the records (with the left frontier) make root "
                                    + java.util.Base64.getEncoder().encodeToString(frontier.rootHash())
                                    + ", treeHead of size " + head.treeSize() + " signs " + head.rootHashBase64());
                }
            } else {
                found(
                        null,
                        null,
                        "ROOT_MISMATCH",
                        "cannot recompute the root of size " + head.treeSize() + " from " + records
                                + " records after leaf " + fromLeaf);
            }
            return new BundleReport(
                    records,
                    fromLeaf,
                    head.treeSize(),
                    firstHead.treeSize(),
                    trusted == null ? -1 : trusted.treeSize(),
                    findings);
        }
    }

    /** A record that could not be read still occupies its leaf: hash what is there, minus leafIndex. */
    private static byte[] fallbackLeafHash(JsonNode node) {
        try {
            ObjectNode copy = node.isObject() ? ((ObjectNode) node).deepCopy() : null;
            if (copy == null) {
                return MerkleHashes.hashLeaf(Jcs.canonicalize(node));
            }
            copy.remove("leafIndex");
            return MerkleHashes.hashLeaf(Jcs.canonicalize(copy));
        } catch (CanonicalizationException e) {
            return new byte[MerkleHashes.HASH_LENGTH];
        }
    }

    private static long nonNegative(JsonNode value, String member) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new BundleFormatException("expected " + member + " as a non-negative integer, found " + value);
        }
        return value.longValue();
    }

    private static List<byte[]> hashes(JsonNode array, String member) {
        if (array == null || !array.isArray()) {
            throw new BundleFormatException("expected " + member + " as an array of base64 hashes");
        }
        List<byte[]> hashes = new ArrayList<>(array.size());
        for (JsonNode hash : array) {
            hashes.add(SignedTreeHead.base64(hash, member + " element"));
        }
        return hashes;
    }

    private record Checked(String recordId, Long leafIndex, byte[] leafHash, List<String[]> problems) {}
}
