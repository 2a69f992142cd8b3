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

/** RFC 9162 §2.1.4 for every 1 <= first <= second <= 300, and tampered variants of each. */
class ConsistencyProofProperties {

    private static final int MAX_EXHAUSTIVE_SIZE = 300;

    private final List<byte[]> leaves = MerkleFixtures.randomLeafInputs(MAX_EXHAUSTIVE_SIZE, 4);
    private final ReferenceMerkleTree reference = new ReferenceMerkleTree(leaves);
    private final InMemorySubtreeHashes storage = MerkleFixtures.storeTree(leaves);

    @Test
    void everyProofIsTheRfcSubproofAndVerifies() {
        for (int second = 1; second <= MAX_EXHAUSTIVE_SIZE; second++) {
            SubtreeHashes asOfSecond = storage.asOfTreeSize(second);
            byte[] secondRoot = reference.mth(0, second);
            for (int first = 1; first <= second; first++) {
                List<byte[]> path = ConsistencyProofs.generate(first, second, asOfSecond);
                assertThat(hex(path))
                        .as("PROOF(%d, D[%d])", first, second)
                        .isEqualTo(hex(reference.proof(first, second)));
                assertThat(ConsistencyProofs.verify(first, second, reference.mth(0, first), secondRoot, path)
                                .outcome())
                        .as("PROOF(%d, D[%d])", first, second)
                        .isEqualTo(Outcome.VERIFIED);
            }
        }
    }

    @Test
    void everyTamperedProofIsRefused() {
        for (int second = 1; second <= MAX_EXHAUSTIVE_SIZE; second++) {
            byte[] secondRoot = reference.mth(0, second);
            for (int first = 1; first <= second; first++) {
                byte[] firstRoot = reference.mth(0, first);
                List<byte[]> path = reference.proof(first, second);
                String at = "first " + first + ", second " + second;

                for (int i = 0; i < path.size(); i++) {
                    List<byte[]> flipped = new ArrayList<>(path);
                    flipped.set(i, flipBit(path.get(i), 41 * i + first));
                    assertRefused(first, second, firstRoot, secondRoot, flipped, at + ", bit flipped in element " + i);
                }
                if (!path.isEmpty()) {
                    assertRefused(first, second, firstRoot, secondRoot, List.of(), at + ", emptied");
                    assertRefused(
                            first,
                            second,
                            firstRoot,
                            secondRoot,
                            path.subList(0, path.size() - 1),
                            at + ", last removed");
                    assertRefused(
                            first, second, firstRoot, secondRoot, path.subList(1, path.size()), at + ", first removed");
                    assertRefused(
                            first, second, firstRoot, secondRoot, with(path, 0, path.get(0)), at + ", duplicated");
                }
                assertRefused(
                        first,
                        second,
                        firstRoot,
                        secondRoot,
                        with(path, path.size(), secondRoot),
                        at + ", root appended");
                assertRefused(first, second, firstRoot, secondRoot, with(path, 0, firstRoot), at + ", root prepended");
                assertRefused(first, second, flipBit(firstRoot, second), secondRoot, path, at + ", wrong first root");
                assertRefused(first, second, firstRoot, flipBit(secondRoot, first), path, at + ", wrong second root");
                if (first != second) {
                    assertRefused(first, second, secondRoot, firstRoot, path, at + ", roots swapped");
                }
                for (long wrongFirst : new long[] {first - 1, first + 1, first ^ 2}) {
                    assertSizesOnlyMatterThroughTheShape(
                            first, second, wrongFirst, second, firstRoot, secondRoot, path);
                }
                for (long wrongSecond : new long[] {second - 1, second + 1, 2L * second, second / 2}) {
                    assertSizesOnlyMatterThroughTheShape(
                            first, second, first, wrongSecond, firstRoot, secondRoot, path);
                }
            }
        }
    }

    @Test
    void proofsBetweenLargerRandomTreesVerify() {
        Random random = new Random(7);
        List<byte[]> manyLeaves = MerkleFixtures.randomLeafInputs(66_000, 8);
        ReferenceMerkleTree big = new ReferenceMerkleTree(manyLeaves);
        InMemorySubtreeHashes bigStorage = MerkleFixtures.storeTree(manyLeaves);
        for (int probe = 0; probe < 300; probe++) {
            int second = 1 + random.nextInt(66_000);
            int first = probe % 10 == 0 ? Integer.highestOneBit(second) : 1 + random.nextInt(second);
            List<byte[]> path = ConsistencyProofs.generate(first, second, bigStorage.asOfTreeSize(second));
            assertThat(hex(path)).isEqualTo(hex(big.proof(first, second)));
            assertThat(ConsistencyProofs.verify(first, second, big.mth(0, first), big.mth(0, second), path)
                            .verified())
                    .as("first %d, second %d", first, second)
                    .isTrue();
        }
    }

    /**
     * As for inclusion proofs, the sizes are authenticated by the signed tree heads; the verifier
     * can only tell wrong sizes apart when they change how the path combines (e.g. PROOF(1, D[3])
     * also checks out as first 1, second 4 against the same two roots). Anything else is refused.
     */
    private static void assertSizesOnlyMatterThroughTheShape(
            long first,
            long second,
            long claimedFirst,
            long claimedSecond,
            byte[] firstRoot,
            byte[] secondRoot,
            List<byte[]> path) {
        VerificationResult result = ConsistencyProofs.verify(claimedFirst, claimedSecond, firstRoot, secondRoot, path);
        boolean sameShape = 0 < claimedFirst
                && claimedFirst <= claimedSecond
                && ReferenceMerkleTree.consistencyShape(claimedFirst, claimedSecond)
                        .equals(ReferenceMerkleTree.consistencyShape(first, second));
        assertThat(result.verified())
                .as("first %d, second %d claimed as %d, %d: %s", first, second, claimedFirst, claimedSecond, result)
                .isEqualTo(sameShape);
    }

    private static void assertRefused(
            long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> path, String what) {
        VerificationResult result = ConsistencyProofs.verify(first, second, firstRoot, secondRoot, path);
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
