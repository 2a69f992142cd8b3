package io.interdict.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Proofs and roots read O(log n) stored rows, whatever the tree size: checked on a synthetic tree
 * of 2^40 + 12345 leaves, far too big to build.
 */
class ProofCostTest {

    private static final long TREE_SIZE = (1L << 40) + 12_345;
    private static final int LOG2_CEIL = 64 - Long.numberOfLeadingZeros(TREE_SIZE - 1); // 41
    private static final long READ_BUDGET = 2L * LOG2_CEIL + 2;

    private final CountingSubtreeHashes storage = new CountingSubtreeHashes(new SyntheticSubtreeHashes(TREE_SIZE));

    @Test
    void rootAndFrontierReadOneRowPerSetBitOfTheTreeSize() {
        MerkleTreeHash.root(TREE_SIZE, storage);
        assertThat(storage.readsSinceReset()).isEqualTo(Long.bitCount(TREE_SIZE));
        Frontier.load(TREE_SIZE, storage);
        assertThat(storage.readsSinceReset()).isEqualTo(Long.bitCount(TREE_SIZE));
    }

    @Test
    void inclusionProofReadsAtMostTwoRowsPerLevel() {
        for (long leafIndex : interestingIndexes()) {
            List<byte[]> path = InclusionProofs.generate(leafIndex, TREE_SIZE, storage);
            long reads = storage.readsSinceReset();
            assertThat(reads).as("leafIndex %d", leafIndex).isLessThanOrEqualTo(READ_BUDGET);
            assertThat(path)
                    .as("leafIndex %d", leafIndex)
                    .hasSize(ReferenceMerkleTree.inclusionShape(leafIndex, TREE_SIZE)
                            .size());
        }
    }

    @Test
    void consistencyProofReadsAtMostTwoRowsPerLevel() {
        List<Long> firsts = new ArrayList<>(interestingIndexes());
        firsts.removeIf(first -> first == 0);
        firsts.add(TREE_SIZE);
        for (long first : firsts) {
            List<byte[]> path = ConsistencyProofs.generate(first, TREE_SIZE, storage);
            long reads = storage.readsSinceReset();
            assertThat(reads).as("first %d", first).isLessThanOrEqualTo(READ_BUDGET);
            String shape = ReferenceMerkleTree.consistencyShape(first, TREE_SIZE);
            assertThat(path).as("first %d", first).hasSize(shape.startsWith("*") ? shape.length() - 1 : shape.length());
        }
    }

    private static List<Long> interestingIndexes() {
        List<Long> indexes = new ArrayList<>(List.of(
                0L,
                1L,
                12_344L,
                12_345L,
                (1L << 39) + 1,
                (1L << 40) - 1,
                1L << 40,
                (1L << 40) + 8_192,
                TREE_SIZE - 2,
                TREE_SIZE - 1));
        Random random = new Random(40);
        for (int i = 0; i < 100; i++) {
            indexes.add(Math.floorMod(random.nextLong(), TREE_SIZE));
        }
        return indexes;
    }
}
