package io.interdict.audit.merkle;

import static io.interdict.audit.merkle.MerkleFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.interdict.audit.merkle.MerkleAppender.AppendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** However the leaves are batched, the stored rows and the roots are the same. */
class BatchAppendProperties {

    private static final int LEAF_COUNT = 3_000;

    @Test
    void randomBatchesStoreTheSameRowsAndRootsAsOneByOne() {
        List<byte[]> leafHashes = MerkleFixtures.leafHashes(MerkleFixtures.randomLeafInputs(LEAF_COUNT, 11));

        List<SubtreeNode> oneByOneRows = new ArrayList<>();
        List<Frontier> frontierAfter = new ArrayList<>(List.of(Frontier.empty()));
        for (byte[] leafHash : leafHashes) {
            AppendResult result = MerkleAppender.append(frontierAfter.get(frontierAfter.size() - 1), List.of(leafHash));
            oneByOneRows.addAll(result.completedNodes());
            frontierAfter.add(result.frontier());
        }

        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            int maxBatch = 1 + random.nextInt(seed % 2 == 0 ? 8 : 300);
            List<SubtreeNode> batchedRows = new ArrayList<>();
            Frontier frontier = Frontier.empty();
            int appended = 0;
            while (appended < LEAF_COUNT) {
                int batch = Math.min(random.nextInt(maxBatch + 1), LEAF_COUNT - appended);
                AppendResult result = MerkleAppender.append(frontier, leafHashes.subList(appended, appended + batch));
                appended += batch;
                frontier = result.frontier();
                batchedRows.addAll(result.completedNodes());

                Frontier expected = frontierAfter.get(appended);
                assertThat(frontier.treeSize()).isEqualTo(appended);
                assertThat(hex(frontier.roots()))
                        .as("seed %d, size %d", seed, appended)
                        .isEqualTo(hex(expected.roots()));
                assertThat(hex(result.rootHash())).isEqualTo(hex(expected.rootHash()));
            }
            assertThat(batchedRows).as("seed %d", seed).isEqualTo(oneByOneRows);
        }
    }

    @Test
    void everyRowIsStoredOnceAndAllCompleteSubtreesAreStored() {
        InMemorySubtreeHashes storage = new InMemorySubtreeHashes();
        List<byte[]> leafHashes = MerkleFixtures.leafHashes(MerkleFixtures.randomLeafInputs(1_000, 12));
        Random random = new Random(13);
        Frontier frontier = Frontier.empty();
        int appended = 0;
        while (appended < leafHashes.size()) {
            int batch = Math.min(1 + random.nextInt(70), leafHashes.size() - appended);
            AppendResult result = MerkleAppender.append(frontier, leafHashes.subList(appended, appended + batch));
            storage.store(result.completedNodes()); // refuses a row stored twice
            frontier = result.frontier();
            appended += batch;
        }
        long completeSubtrees = 0;
        for (int level = 0; (1L << level) <= appended; level++) {
            completeSubtrees += appended >>> level;
        }
        assertThat(storage.rowCount()).isEqualTo(completeSubtrees);
    }

    @Test
    void appendingToAFrontierLoadedFromStorageContinuesTheSameTree() {
        List<byte[]> leafHashes = MerkleFixtures.leafHashes(MerkleFixtures.randomLeafInputs(777, 14));
        InMemorySubtreeHashes storage = new InMemorySubtreeHashes();
        storage.store(MerkleAppender.append(Frontier.empty(), leafHashes.subList(0, 333))
                .completedNodes());

        // A restarted gateway knows only the stored rows and the tree size.
        Frontier reloaded = Frontier.load(333, storage);
        AppendResult continued = MerkleAppender.append(reloaded, leafHashes.subList(333, 777));
        storage.store(continued.completedNodes());

        AppendResult inOneGo = MerkleAppender.append(Frontier.empty(), leafHashes);
        assertThat(hex(continued.rootHash())).isEqualTo(hex(inOneGo.rootHash()));
        assertThat(hex(MerkleTreeHash.root(777, storage))).isEqualTo(hex(inOneGo.rootHash()));
    }

    @Test
    void anEmptyBatchChangesNothing() {
        Frontier frontier = MerkleAppender.append(
                        Frontier.empty(), MerkleFixtures.leafHashes(MerkleFixtures.randomLeafInputs(5, 15)))
                .frontier();
        AppendResult result = MerkleAppender.append(frontier, List.of());
        assertThat(result.completedNodes()).isEmpty();
        assertThat(result.frontier().treeSize()).isEqualTo(5);
        assertThat(hex(result.rootHash())).isEqualTo(hex(frontier.rootHash()));
    }
}
