package io.interdict.audit.merkle;

import static io.interdict.audit.merkle.MerkleFixtures.NODE_HASHES;
import static io.interdict.audit.merkle.MerkleFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MerkleHashesTest {

    @Test
    void hashChildrenOfTheFirstTwoLeavesIsThePublishedLevelOneNode() {
        byte[] left = hex(NODE_HASHES.get(0).get(0));
        byte[] right = hex(NODE_HASHES.get(0).get(1));
        assertThat(hex(MerkleHashes.hashChildren(left, right)))
                .isEqualTo(NODE_HASHES.get(1).get(0));
    }

    @Test
    void leafAndNodePrefixesKeepALeafFromPosingAsANode() {
        byte[] left = hex(NODE_HASHES.get(0).get(0));
        byte[] right = hex(NODE_HASHES.get(0).get(1));
        byte[] concatenated = new byte[64];
        System.arraycopy(left, 0, concatenated, 0, 32);
        System.arraycopy(right, 0, concatenated, 32, 32);
        assertThat(MerkleHashes.hashLeaf(concatenated)).isNotEqualTo(MerkleHashes.hashChildren(left, right));
    }

    @Test
    void emptyRootCannotBeChangedByItsCaller() {
        MerkleHashes.emptyRoot()[0] ^= 1;
        assertThat(hex(MerkleHashes.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void concurrentHashingGivesTheSameAnswersAsSequential() {
        List<byte[]> inputs = MerkleFixtures.randomLeafInputs(20_000, 99);
        List<String> sequential = inputs.stream()
                .map(leaf -> hex(MerkleHashes.hashChildren(MerkleHashes.hashLeaf(leaf), MerkleHashes.hashLeaf(leaf))))
                .toList();
        List<String> parallel = IntStream.range(0, inputs.size())
                .parallel()
                .mapToObj(i -> hex(MerkleHashes.hashChildren(
                        MerkleHashes.hashLeaf(inputs.get(i)), MerkleHashes.hashLeaf(inputs.get(i)))))
                .toList();
        assertThat(parallel).isEqualTo(sequential);
    }
}
