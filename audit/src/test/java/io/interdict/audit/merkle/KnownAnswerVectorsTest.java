package io.interdict.audit.merkle;

import static io.interdict.audit.merkle.MerkleFixtures.COMPACT_TREES;
import static io.interdict.audit.merkle.MerkleFixtures.CONSISTENCY_VECTORS;
import static io.interdict.audit.merkle.MerkleFixtures.INCLUSION_VECTORS;
import static io.interdict.audit.merkle.MerkleFixtures.LEAF_INPUTS;
import static io.interdict.audit.merkle.MerkleFixtures.NODE_HASHES;
import static io.interdict.audit.merkle.MerkleFixtures.ROOT_HASHES;
import static io.interdict.audit.merkle.MerkleFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.interdict.audit.merkle.MerkleAppender.AppendResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RFC 6962 / RFC 9162 test data of transparency-dev/merkle; sources in {@link MerkleFixtures}. */
class KnownAnswerVectorsTest {

    private final InMemorySubtreeHashes storage = MerkleFixtures.storeTree(LEAF_INPUTS);

    @Test
    void emptyTreeRootIsSha256OfNothing() {
        assertThat(hex(MerkleHashes.emptyRoot())).isEqualTo(ROOT_HASHES.get(0));
        assertThat(hex(Frontier.empty().rootHash())).isEqualTo(ROOT_HASHES.get(0));
        assertThat(hex(MerkleTreeHash.root(0, storage))).isEqualTo(ROOT_HASHES.get(0));
    }

    @Test
    void leafHashesMatchThePublishedLevelZero() {
        for (int i = 0; i < LEAF_INPUTS.size(); i++) {
            assertThat(hex(MerkleHashes.hashLeaf(LEAF_INPUTS.get(i))))
                    .as("leaf %d", i)
                    .isEqualTo(NODE_HASHES.get(0).get(i));
        }
    }

    @Test
    void appendingTheEightLeavesStoresExactlyThePublishedNodeHashes() {
        AppendResult result = MerkleAppender.append(Frontier.empty(), MerkleFixtures.leafHashes(LEAF_INPUTS));

        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int level = 0; level < NODE_HASHES.size(); level++) {
            for (int index = 0; index < NODE_HASHES.get(level).size(); index++) {
                expected.add(level + "/" + index + "=" + NODE_HASHES.get(level).get(index));
            }
        }
        for (SubtreeNode node : result.completedNodes()) {
            actual.add(node.level() + "/" + node.index() + "=" + hex(node.hash()));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void rootOfEverySizeFromZeroToEightMatchesThePublishedRoot() {
        Frontier frontier = Frontier.empty();
        for (int size = 0; size <= 8; size++) {
            if (size > 0) {
                frontier = MerkleAppender.append(frontier, List.of(MerkleHashes.hashLeaf(LEAF_INPUTS.get(size - 1))))
                        .frontier();
            }
            assertThat(hex(MerkleAppender.rootHash(frontier)))
                    .as("size %d", size)
                    .isEqualTo(ROOT_HASHES.get(size));
            assertThat(hex(MerkleTreeHash.root(size, storage.asOfTreeSize(size))))
                    .as("size %d", size)
                    .isEqualTo(ROOT_HASHES.get(size));
        }
    }

    @Test
    void frontierOfEverySizeIsThePublishedCompactTree() {
        for (int size = 0; size <= 8; size++) {
            List<String> expected = COMPACT_TREES.get(size).stream()
                    .map(node -> NODE_HASHES.get(node[0]).get(node[1]))
                    .toList();
            Frontier frontier = Frontier.load(size, storage.asOfTreeSize(size));
            assertThat(hex(frontier.roots())).as("size %d", size).isEqualTo(expected);
            assertThat(frontier.nodes())
                    .extracting(node -> new int[] {node.level(), (int) node.index()})
                    .as("size %d", size)
                    .containsExactlyElementsOf(COMPACT_TREES.get(size));
        }
    }

    @Test
    void inclusionProofsAreThePublishedOnesAndVerify() {
        for (MerkleFixtures.InclusionVector vector : INCLUSION_VECTORS) {
            List<byte[]> path = InclusionProofs.generate(
                    vector.leafIndex(), vector.treeSize(), storage.asOfTreeSize(vector.treeSize()));
            assertThat(hex(path)).as("%s", vector).isEqualTo(vector.path());

            byte[] leafHash = MerkleHashes.hashLeaf(LEAF_INPUTS.get((int) vector.leafIndex()));
            byte[] root = hex(ROOT_HASHES.get((int) vector.treeSize()));
            List<byte[]> publishedPath =
                    vector.path().stream().map(MerkleFixtures::hex).toList();
            assertThat(InclusionProofs.verify(vector.leafIndex(), vector.treeSize(), leafHash, publishedPath, root)
                            .outcome())
                    .as("%s", vector)
                    .isEqualTo(VerificationResult.Outcome.VERIFIED);
        }
    }

    @Test
    void consistencyProofsAreThePublishedOnesAndVerify() {
        for (MerkleFixtures.ConsistencyVector vector : CONSISTENCY_VECTORS) {
            List<byte[]> path =
                    ConsistencyProofs.generate(vector.first(), vector.second(), storage.asOfTreeSize(vector.second()));
            assertThat(hex(path)).as("%s", vector).isEqualTo(vector.path());

            byte[] firstRoot = hex(ROOT_HASHES.get((int) vector.first()));
            byte[] secondRoot = hex(ROOT_HASHES.get((int) vector.second()));
            List<byte[]> publishedPath =
                    vector.path().stream().map(MerkleFixtures::hex).toList();
            assertThat(ConsistencyProofs.verify(vector.first(), vector.second(), firstRoot, secondRoot, publishedPath)
                            .outcome())
                    .as("%s", vector)
                    .isEqualTo(VerificationResult.Outcome.VERIFIED);
        }
    }
}
