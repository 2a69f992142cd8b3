package io.interdict.audit.merkle;

import static io.interdict.audit.merkle.MerkleFixtures.LEAF_INPUTS;
import static io.interdict.audit.merkle.MerkleFixtures.ROOT_HASHES;
import static io.interdict.audit.merkle.MerkleFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interdict.audit.merkle.VerificationResult.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Negative fixtures, each named for its defect, and the sizes RFC 9162 leaves to us. */
class RefusedInputsTest {

    private final InMemorySubtreeHashes storage = MerkleFixtures.storeTree(LEAF_INPUTS);
    private final byte[] root5 = hex(ROOT_HASHES.get(5));
    private final byte[] root8 = hex(ROOT_HASHES.get(8));
    private final List<byte[]> proof5To8 = ConsistencyProofs.generate(5, 8, storage);

    @Test
    void consistencyFromTheEmptyTreeIsRefusedNotVacuouslyAccepted() {
        assertThatThrownBy(() -> ConsistencyProofs.generate(0, 8, storage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first=0");
        assertThat(ConsistencyProofs.verify(0, 8, MerkleHashes.emptyRoot(), root8, List.of())
                        .outcome())
                .isEqualTo(Outcome.FIRST_TREE_EMPTY);
        assertThat(ConsistencyProofs.verify(0, 0, MerkleHashes.emptyRoot(), MerkleHashes.emptyRoot(), List.of())
                        .outcome())
                .isEqualTo(Outcome.FIRST_TREE_EMPTY);
    }

    @Test
    void consistencyFromALargerToASmallerTreeIsRefused() {
        assertThatThrownBy(() -> ConsistencyProofs.generate(8, 5, storage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first=8, second=5");
        assertThat(ConsistencyProofs.verify(8, 5, root8, root5, proof5To8).outcome())
                .isEqualTo(Outcome.FIRST_LARGER_THAN_SECOND);
    }

    @Test
    void equalSizesNeedAnEmptyProofAndEqualRoots() {
        assertThat(ConsistencyProofs.generate(8, 8, storage)).isEmpty();
        assertThat(ConsistencyProofs.verify(8, 8, root8, root8.clone(), List.of())
                        .outcome())
                .isEqualTo(Outcome.VERIFIED);
        assertThat(ConsistencyProofs.verify(8, 8, root8, root8, List.of(root8)).outcome())
                .isEqualTo(Outcome.PATH_NOT_EMPTY);
        assertThat(ConsistencyProofs.verify(8, 8, root8, root5, List.of()).outcome())
                .isEqualTo(Outcome.ROOTS_DIFFER);
    }

    @Test
    void consistencyProofWithNoElementsForDifferentSizesIsRefused() {
        assertThat(ConsistencyProofs.verify(5, 8, root5, root8, List.of()).outcome())
                .isEqualTo(Outcome.EMPTY_PATH);
    }

    @Test
    void consistencyProofWithATrailingElementIsTooLong() {
        List<byte[]> longer = new ArrayList<>(proof5To8);
        longer.add(root8);
        assertThat(ConsistencyProofs.verify(5, 8, root5, root8, longer).outcome())
                .isEqualTo(Outcome.PATH_TOO_LONG);
    }

    @Test
    void consistencyProofMissingItsLastElementIsTooShort() {
        assertThat(ConsistencyProofs.verify(5, 8, root5, root8, proof5To8.subList(0, proof5To8.size() - 1))
                        .outcome())
                .isEqualTo(Outcome.PATH_TOO_SHORT);
    }

    @Test
    void consistencyProofAgainstAnotherFirstRootNamesTheFirstRoot() {
        assertThat(ConsistencyProofs.verify(5, 8, hex(ROOT_HASHES.get(4)), root8, proof5To8)
                        .outcome())
                .isEqualTo(Outcome.FIRST_ROOT_MISMATCH);
        assertThat(ConsistencyProofs.verify(5, 8, root5, hex(ROOT_HASHES.get(7)), proof5To8)
                        .outcome())
                .isEqualTo(Outcome.SECOND_ROOT_MISMATCH);
    }

    @Test
    void inclusionOfALeafAtOrBeyondTheTreeSizeIsRefused() {
        byte[] leafHash = MerkleHashes.hashLeaf(LEAF_INPUTS.get(0));
        assertThatThrownBy(() -> InclusionProofs.generate(8, 8, storage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leafIndex=8, treeSize=8");
        assertThatThrownBy(() -> InclusionProofs.generate(0, 0, storage)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InclusionProofs.generate(-1, 8, storage)).isInstanceOf(IllegalArgumentException.class);
        assertThat(InclusionProofs.verify(8, 8, leafHash, List.of(), root8).outcome())
                .isEqualTo(Outcome.LEAF_INDEX_OUT_OF_RANGE);
        assertThat(InclusionProofs.verify(-1, 8, leafHash, List.of(), root8).outcome())
                .isEqualTo(Outcome.LEAF_INDEX_OUT_OF_RANGE);
        assertThat(InclusionProofs.verify(0, 0, leafHash, List.of(), MerkleHashes.emptyRoot())
                        .outcome())
                .isEqualTo(Outcome.LEAF_INDEX_OUT_OF_RANGE);
        assertThat(InclusionProofs.verify(0, -8, leafHash, List.of(), root8).outcome())
                .isEqualTo(Outcome.NEGATIVE_TREE_SIZE);
    }

    @Test
    void inclusionPathLongerThanTheTreeIsTallIsTooLong() {
        byte[] leafHash = MerkleHashes.hashLeaf(LEAF_INPUTS.get(0));
        byte[] root1 = hex(ROOT_HASHES.get(1));
        assertThat(InclusionProofs.verify(0, 1, leafHash, List.of(), root1).outcome())
                .isEqualTo(Outcome.VERIFIED);
        assertThat(InclusionProofs.verify(0, 1, leafHash, List.of(root1), root1).outcome())
                .isEqualTo(Outcome.PATH_TOO_LONG);
    }

    @Test
    void inclusionPathMissingItsTopElementIsTooShort() {
        byte[] leafHash = MerkleHashes.hashLeaf(LEAF_INPUTS.get(5));
        List<byte[]> path = InclusionProofs.generate(5, 8, storage);
        assertThat(InclusionProofs.verify(5, 8, leafHash, path.subList(0, 2), root8)
                        .outcome())
                .isEqualTo(Outcome.PATH_TOO_SHORT);
        assertThat(InclusionProofs.verify(5, 8, leafHash, path, root5).outcome())
                .isEqualTo(Outcome.ROOT_MISMATCH);
    }

    @Test
    void hashesThatAreNotThirtyTwoBytesAreMalformed() {
        byte[] leafHash = MerkleHashes.hashLeaf(LEAF_INPUTS.get(5));
        List<byte[]> path = new ArrayList<>(InclusionProofs.generate(5, 8, storage));
        assertThat(InclusionProofs.verify(5, 8, Arrays.copyOf(leafHash, 31), path, root8)
                        .outcome())
                .isEqualTo(Outcome.MALFORMED_HASH);
        assertThat(InclusionProofs.verify(5, 8, leafHash, path, Arrays.copyOf(root8, 33))
                        .outcome())
                .isEqualTo(Outcome.MALFORMED_HASH);
        assertThat(InclusionProofs.verify(5, 8, leafHash, null, root8).outcome())
                .isEqualTo(Outcome.MALFORMED_HASH);
        path.set(1, new byte[0]);
        assertThat(InclusionProofs.verify(5, 8, leafHash, path, root8).outcome())
                .isEqualTo(Outcome.MALFORMED_HASH);
        List<byte[]> withNull = new ArrayList<>(proof5To8);
        withNull.set(0, null);
        assertThat(ConsistencyProofs.verify(5, 8, root5, root8, withNull).outcome())
                .isEqualTo(Outcome.MALFORMED_HASH);
        assertThat(ConsistencyProofs.verify(5, 8, null, root8, proof5To8).outcome())
                .isEqualTo(Outcome.MALFORMED_HASH);
    }

    @Test
    void rangeTheRecursionNeverAsksForIsRefused() {
        assertThatThrownBy(() -> MerkleTreeHash.of(1, 4, storage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of 2^2");
        assertThatThrownBy(() -> MerkleTreeHash.of(5, 4, storage)).isInstanceOf(IllegalArgumentException.class);
        // D[4:7] starts at a multiple of 4, so it is one the recursion can ask for: MTH(D[4:6]) then D[6].
        byte[] expected = MerkleHashes.hashChildren(
                hex(MerkleFixtures.NODE_HASHES.get(1).get(2)),
                hex(MerkleFixtures.NODE_HASHES.get(0).get(6)));
        assertThat(hex(MerkleTreeHash.of(4, 7, storage))).isEqualTo(hex(expected));
    }

    @Test
    void storageAnsweringWithSomethingThatIsNotAHashIsReportedAsDamaged() {
        SubtreeHashes damaged = (level, index) -> new byte[16];
        assertThatThrownBy(() -> InclusionProofs.generate(0, 8, damaged))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("level=");
    }

    @Test
    void frontierWithTheWrongNumberOfRootsIsRefused() {
        assertThatThrownBy(() -> new Frontier(3, List.of(root8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 frontier roots");
        assertThatThrownBy(() -> new Frontier(1, List.of(new byte[31]))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleAppender.append(Frontier.empty(), List.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leafIndex 0");
    }

    @Test
    void frontierAndNodesCannotBeChangedThroughWhatTheyReturn() {
        Frontier frontier = Frontier.load(5, storage);
        frontier.roots().get(0)[0] ^= 1;
        assertThat(hex(frontier.rootHash())).isEqualTo(ROOT_HASHES.get(5));
        SubtreeNode node = frontier.nodes().get(0);
        node.hash()[0] ^= 1;
        assertThat(node).isEqualTo(frontier.nodes().get(0));
    }
}
