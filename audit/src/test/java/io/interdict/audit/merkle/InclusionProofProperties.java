package io.interdict.audit.merkle;

import static io.interdict.audit.merkle.MerkleFixtures.flipBit;
import static io.interdict.audit.merkle.MerkleFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.interdict.audit.merkle.VerificationResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 9162 §2.1.3 over every leaf of every tree size 1..300, and tampered variants of each. */
class InclusionProofProperties {

    private static final int MAX_EXHAUSTIVE_SIZE = 300;

    private final List<byte[]> leaves = MerkleFixtures.randomLeafInputs(MAX_EXHAUSTIVE_SIZE, 3);
    private final ReferenceMerkleTree reference = new ReferenceMerkleTree(leaves);
    private final InMemorySubtreeHashes storage = MerkleFixtures.storeTree(leaves);

    @Test
    void everyProofForEveryLeafIsTheRfcPathAndVerifies() {
        for (int size = 1; size <= MAX_EXHAUSTIVE_SIZE; size++) {
            SubtreeHashes asOfSize = storage.asOfTreeSize(size);
            byte[] root = reference.mth(0, size);
            for (int leafIndex = 0; leafIndex < size; leafIndex++) {
                List<byte[]> path = InclusionProofs.generate(leafIndex, size, asOfSize);
                assertThat(hex(path))
                        .as("PATH(%d, D[%d])", leafIndex, size)
                        .isEqualTo(hex(reference.path(leafIndex, size)));
                assertThat(InclusionProofs.verify(leafIndex, size, reference.leafHash(leafIndex), path, root)
                                .outcome())
                        .as("PATH(%d, D[%d])", leafIndex, size)
                        .isEqualTo(Outcome.VERIFIED);
            }
        }
    }

    @Test
    void everyTamperedProofIsRefused() {
        for (int size = 1; size <= MAX_EXHAUSTIVE_SIZE; size++) {
            byte[] root = reference.mth(0, size);
            for (int leafIndex = 0; leafIndex < size; leafIndex++) {
                List<byte[]> path = reference.path(leafIndex, size);
                byte[] leafHash = reference.leafHash(leafIndex);
                String at = "leafIndex " + leafIndex + ", treeSize " + size;

                for (int i = 0; i < path.size(); i++) {
                    List<byte[]> flipped = new ArrayList<>(path);
                    flipped.set(i, flipBit(path.get(i), 37 * i + size));
                    assertRefused(leafIndex, size, leafHash, flipped, root, at + ", bit flipped in element " + i);
                }
                for (long wrongIndex : new long[] {leafIndex - 1, leafIndex + 1, leafIndex ^ 2, size, -1}) {
                    assertRefused(wrongIndex, size, leafHash, path, root, at + ", claimed leafIndex " + wrongIndex);
                }
                for (long wrongSize : new long[] {size - 1, size + 1, 2L * size, size / 2, 0}) {
                    assertSizeOnlyMattersThroughTheShape(leafIndex, size, wrongSize, leafHash, path, root);
                }
                if (!path.isEmpty()) {
                    assertRefused(
                            leafIndex, size, leafHash, path.subList(0, path.size() - 1), root, at + ", last removed");
                    assertRefused(
                            leafIndex, size, leafHash, path.subList(1, path.size()), root, at + ", first removed");
                }
                assertRefused(leafIndex, size, leafHash, with(path, path.size(), root), root, at + ", root appended");
                assertRefused(leafIndex, size, leafHash, with(path, 0, leafHash), root, at + ", leaf prepended");
                assertRefused(
                        leafIndex, size, leafHash, with(path, path.size() / 2, root), root, at + ", element inserted");
                assertRefused(leafIndex, size, leafHash, path, flipBit(root, size), at + ", wrong root");
                assertRefused(leafIndex, size, leafHash, path, MerkleHashes.emptyRoot(), at + ", empty-tree root");
                assertRefused(
                        leafIndex,
                        size,
                        reference.leafHash((leafIndex + 1) % MAX_EXHAUSTIVE_SIZE),
                        path,
                        root,
                        at + ", another leaf");
            }
        }
    }

    @Test
    void proofsInLargerRandomTreesVerify() {
        Random random = new Random(42);
        List<byte[]> manyLeaves = MerkleFixtures.randomLeafInputs(66_000, 43);
        ReferenceMerkleTree big = new ReferenceMerkleTree(manyLeaves);
        InMemorySubtreeHashes bigStorage = MerkleFixtures.storeTree(manyLeaves);
        for (int size : new int[] {511, 512, 513, 1000 + random.nextInt(64_000), 65_537, 66_000}) {
            byte[] root = big.mth(0, size);
            for (int probe = 0; probe < 200; probe++) {
                int leafIndex = probe == 0 ? size - 1 : random.nextInt(size);
                List<byte[]> path = InclusionProofs.generate(leafIndex, size, bigStorage.asOfTreeSize(size));
                assertThat(hex(path)).isEqualTo(hex(big.path(leafIndex, size)));
                assertThat(InclusionProofs.verify(leafIndex, size, big.leafHash(leafIndex), path, root)
                                .verified())
                        .as("leafIndex %d, treeSize %d", leafIndex, size)
                        .isTrue();
            }
        }
    }

    /**
     * RFC 9162's verifier authenticates the leaf's position through the shape of the path; the
     * tree size itself is authenticated by the signed tree head that carries the root. So a wrong
     * size is refused exactly when it changes that shape (e.g. leaf 0 of sizes 3 and 4 combine
     * identically). This pins the verifier's bit walk to the RFC's recursion.
     */
    private static void assertSizeOnlyMattersThroughTheShape(
            long leafIndex, long size, long wrongSize, byte[] leafHash, List<byte[]> path, byte[] root) {
        VerificationResult result = InclusionProofs.verify(leafIndex, wrongSize, leafHash, path, root);
        boolean sameShape = leafIndex < wrongSize
                && ReferenceMerkleTree.inclusionShape(leafIndex, wrongSize)
                        .equals(ReferenceMerkleTree.inclusionShape(leafIndex, size));
        assertThat(result.verified())
                .as("leafIndex %d, treeSize %d claimed as %d: %s", leafIndex, size, wrongSize, result)
                .isEqualTo(sameShape);
    }

    private static void assertRefused(
            long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root, String what) {
        VerificationResult result = InclusionProofs.verify(leafIndex, treeSize, leafHash, path, root);
        // Checked by hand: AssertJ per call would dominate this loop of a million proofs.
        if (result.verified()) {
            fail(what + ": " + result);
        }
    }

    private static List<byte[]> with(List<byte[]> path, int position, byte[] extra) {
        List<byte[]> copy = new ArrayList<>(path);
        copy.add(position, extra);
        return copy;
    }
}
