package io.interdict.audit.merkle;

import static io.interdict.audit.merkle.MerkleFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Folding the frontier right to left gives exactly RFC 9162's MTH, which splits at the largest
 * power of two below n; so do {@link MerkleTreeHash#of} and the appender, for every size.
 */
class FrontierFoldProperties {

    private static final int MAX_EXHAUSTIVE_SIZE = 300;

    private final List<byte[]> leaves = MerkleFixtures.randomLeafInputs(MAX_EXHAUSTIVE_SIZE, 9162);
    private final ReferenceMerkleTree reference = new ReferenceMerkleTree(leaves);
    private final InMemorySubtreeHashes storage = MerkleFixtures.storeTree(leaves);

    @Test
    void foldedFrontierEqualsTheRecursiveMthForEverySizeUpTo300() {
        Frontier frontier = Frontier.empty();
        for (int size = 0; size <= MAX_EXHAUSTIVE_SIZE; size++) {
            if (size > 0) {
                frontier = MerkleAppender.append(frontier, List.of(reference.leafHash(size - 1)))
                        .frontier();
            }
            String expected = hex(reference.mth(0, size));
            assertThat(frontier.treeSize()).isEqualTo(size);
            assertThat(frontier.roots()).hasSize(Long.bitCount(size));
            assertThat(hex(MerkleAppender.rootHash(frontier)))
                    .as("size %d", size)
                    .isEqualTo(expected);
            assertThat(hex(MerkleTreeHash.root(size, storage.asOfTreeSize(size))))
                    .as("size %d", size)
                    .isEqualTo(expected);
            assertThat(hex(Frontier.load(size, storage.asOfTreeSize(size)).roots()))
                    .as("size %d", size)
                    .isEqualTo(hex(frontier.roots()));
        }
    }

    @Test
    void frontierRootsAreTheMthOfTheMaximalPerfectSubtrees() {
        for (int size = 1; size <= MAX_EXHAUSTIVE_SIZE; size++) {
            Frontier frontier = Frontier.load(size, storage.asOfTreeSize(size));
            for (SubtreeNode node : frontier.nodes()) {
                int start = (int) node.firstLeafIndex();
                assertThat(hex(node.hash()))
                        .as("size %d, %s", size, node)
                        .isEqualTo(hex(reference.mth(start, start + (1 << node.level()))));
            }
        }
    }

    @Test
    void mthOfEveryRangeTheRecursionCanAskForEqualsTheReference() {
        for (int length = 1; length <= MAX_EXHAUSTIVE_SIZE; length++) {
            int alignment = 1;
            while (alignment < length) {
                alignment *= 2;
            }
            for (int start = 0; start + length <= MAX_EXHAUSTIVE_SIZE; start += alignment) {
                assertThat(hex(MerkleTreeHash.of(start, start + length, storage.asOfTreeSize(start + length))))
                        .as("D[%d:%d]", start, start + length)
                        .isEqualTo(hex(reference.mth(start, start + length)));
            }
        }
    }

    @Test
    void largerRandomSizesAgreeWithTheReference() {
        Random random = new Random(6962);
        int[] sizes = {1023, 1024, 1025, 4097, 20_000 + random.nextInt(50_000), 70_001};
        List<byte[]> manyLeaves = MerkleFixtures.randomLeafInputs(70_001, 2026);
        ReferenceMerkleTree big = new ReferenceMerkleTree(manyLeaves);
        InMemorySubtreeHashes bigStorage = MerkleFixtures.storeTree(manyLeaves);
        for (int size : sizes) {
            Frontier frontier = MerkleAppender.append(
                            Frontier.empty(), MerkleFixtures.leafHashes(manyLeaves.subList(0, size)))
                    .frontier();
            String expected = hex(big.mth(0, size));
            assertThat(hex(frontier.rootHash())).as("size %d", size).isEqualTo(expected);
            assertThat(hex(MerkleTreeHash.root(size, bigStorage.asOfTreeSize(size))))
                    .as("size %d", size)
                    .isEqualTo(expected);
        }
    }
}
