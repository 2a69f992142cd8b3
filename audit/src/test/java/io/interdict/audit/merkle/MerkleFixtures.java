package io.interdict.audit.merkle;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Shared test data. The known-answer vectors are the RFC 6962 test data of the Certificate
 * Transparency / Trillian Merkle code (RFC 9162 §2.1 hashes exactly as RFC 6962 §2.1 does), copied
 * as hex from:
 *
 * <ul>
 *   <li>transparency-dev/merkle {@code testonly/constants.go} at commit
 *       582a6ad190b6848f1d26f8bf08ddef29955d9db1 ({@code LeafInputs}, {@code NodeHashes}, {@code
 *       RootHashes}, {@code CompactTrees}); google/trillian {@code merkle/testonly/constants.go}
 *       holds the same values;
 *   <li>transparency-dev/merkle {@code proof/verify_test.go} at commit
 *       02194e9afb6c1d95b5381350007963aa70fff472 ({@code inclusionProofs}, {@code
 *       consistencyProofs}; its leaf numbers are 1-based, converted to 0-based leafIndex here).
 * </ul>
 */
final class MerkleFixtures {

    private MerkleFixtures() {}

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleFixtures::hex).toList();
    }

    /** LeafInputs(): note the sixth leaf is four bytes, 40 41 42 43. */
    static final List<byte[]> LEAF_INPUTS = List.of(
            hex(""),
            hex("00"),
            hex("10"),
            hex("2021"),
            hex("3031"),
            hex("40414243"),
            hex("5051525354555657"),
            hex("606162636465666768696a6b6c6d6e6f"));

    /** NodeHashes(): [level][index] of every complete subtree of the 8-leaf tree. */
    static final List<List<String>> NODE_HASHES = List.of(
            List.of(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
            List.of(
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            List.of(
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            List.of("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

    /** RootHashes(): index = tree size, 0..8. */
    static final List<String> ROOT_HASHES = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** CompactTrees(): the frontier of every size 0..8, as (level, index) into NODE_HASHES. */
    static final List<List<int[]>> COMPACT_TREES = List.of(
            List.of(),
            List.of(new int[] {0, 0}),
            List.of(new int[] {1, 0}),
            List.of(new int[] {1, 0}, new int[] {0, 2}),
            List.of(new int[] {2, 0}),
            List.of(new int[] {2, 0}, new int[] {0, 4}),
            List.of(new int[] {2, 0}, new int[] {1, 2}),
            List.of(new int[] {2, 0}, new int[] {1, 2}, new int[] {0, 6}),
            List.of(new int[] {3, 0}));

    record InclusionVector(long leafIndex, long treeSize, List<String> path) {}

    /** inclusionProofs, the ones with a leaf (the {0, 0, nil} entry is an invalid probe). */
    static final List<InclusionVector> INCLUSION_VECTORS = List.of(
            new InclusionVector(0, 1, List.of()),
            new InclusionVector(
                    0,
                    8,
                    List.of(
                            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new InclusionVector(
                    5,
                    8,
                    List.of(
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new InclusionVector(2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new InclusionVector(
                    1,
                    5,
                    List.of(
                            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    record ConsistencyVector(long first, long second, List<String> path) {}

    /** consistencyProofs. */
    static final List<ConsistencyVector> CONSISTENCY_VECTORS = List.of(
            new ConsistencyVector(1, 1, List.of()),
            new ConsistencyVector(
                    1,
                    8,
                    List.of(
                            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new ConsistencyVector(
                    6,
                    8,
                    List.of(
                            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new ConsistencyVector(
                    2,
                    5,
                    List.of(
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new ConsistencyVector(
                    6,
                    7,
                    List.of(
                            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    /**
     * Distinct leaf inputs (a 4-byte position, then 0..36 random bytes), reproducible from the
     * seed. Distinct, because two equal leaves make some "wrong index" proofs genuinely valid.
     */
    static List<byte[]> randomLeafInputs(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> leaves = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] leaf = new byte[4 + random.nextInt(37)];
            random.nextBytes(leaf);
            ByteBuffer.wrap(leaf).putInt(i);
            leaves.add(leaf);
        }
        return leaves;
    }

    static List<byte[]> leafHashes(List<byte[]> leafInputs) {
        return leafInputs.stream().map(MerkleHashes::hashLeaf).toList();
    }

    /** Appends every leaf in one batch and stores every completed row. */
    static InMemorySubtreeHashes storeTree(List<byte[]> leafInputs) {
        InMemorySubtreeHashes storage = new InMemorySubtreeHashes();
        storage.store(
                MerkleAppender.append(Frontier.empty(), leafHashes(leafInputs)).completedNodes());
        return storage;
    }

    static byte[] flipBit(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[(bit >>> 3) % copy.length] ^= (byte) (1 << (bit & 7));
        return copy;
    }
}
