package io.interdict.audit.merkle;

import static io.interdict.audit.merkle.VerificationResult.refused;

import io.interdict.audit.merkle.VerificationResult.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Merkle consistency proofs between two tree heads of the same log, RFC 9162 §2.1.4.
 *
 * <p>Sizes the RFC leaves open are decided here: {@code first == second} is consistent with an
 * empty proof when the roots are equal. {@code first == 0} is refused, by {@link #generate} and
 * {@link #verify} alike: the empty tree commits to nothing, so a proof would be vacuous, and an
 * auditor's first head of size 0 means "no earlier state", not something to check. Refusing also
 * keeps a missing size that defaulted to 0 from passing as verified. {@code first > second} is
 * refused: a log never shrinks.
 */
public final class ConsistencyProofs {

    private ConsistencyProofs() {}

    /**
     * PROOF(first, D[second]) = SUBPROOF(first, D[second], true) of RFC 9162 §2.1.4.1, in the RFC's
     * order: the node deepest in the tree first. Empty when {@code first == second}.
     *
     * <p>Costs about 2 log2 second {@link SubtreeHashes#hash} calls, for the reason given on
     * {@link InclusionProofs#generate}.
     *
     * @throws IllegalArgumentException unless 0 &lt; first &lt;= second
     */
    public static List<byte[]> generate(long first, long second, SubtreeHashes storage) {
        if (first <= 0 || first > second) {
            throw new IllegalArgumentException("consistency proofs need 0 < first <= second (the empty tree commits"
                    + " to nothing and a log never shrinks), got first=" + first + ", second=" + second);
        }
        List<byte[]> rootFirst = new ArrayList<>(64);
        long start = 0;
        long end = second;
        long m = first; // relative to start, as in the RFC's recursion
        boolean b = true; // whether D[start:start+m] is still the whole first tree
        while (m != end - start) {
            long k = TreeMath.largestPowerOfTwoBelow(end - start);
            if (m <= k) {
                // SUBPROOF(m, D[n], b) = SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
                rootFirst.add(MerkleTreeHash.of(start + k, end, storage));
                end = start + k;
            } else {
                // SUBPROOF(m, D[n], b) = SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
                rootFirst.add(MerkleTreeHash.of(start, start + k, storage));
                start += k;
                m -= k;
                b = false;
            }
        }
        // SUBPROOF(m, D[m], true) = {}: the verifier already has MTH of the first tree.
        // SUBPROOF(m, D[m], false) = {MTH(D[m])}.
        if (!b) {
            rootFirst.add(MerkleTreeHash.of(start, end, storage));
        }
        Collections.reverse(rootFirst);
        return rootFirst;
    }

    /**
     * Verifies a consistency proof: the preconditions in the class comment, then RFC 9162 §2.1.4.2
     * step by step. Hashes must be 32 bytes and are compared in constant time.
     */
    public static VerificationResult verify(
            long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> path) {
        if (!MerkleHashes.isHash(firstRoot) || !MerkleHashes.isHash(secondRoot)) {
            return refused(Outcome.MALFORMED_HASH, "first and second root hashes must be 32 bytes");
        }
        if (path == null) {
            return refused(Outcome.MALFORMED_HASH, "consistency path is missing");
        }
        for (int i = 0; i < path.size(); i++) {
            if (!MerkleHashes.isHash(path.get(i))) {
                return refused(Outcome.MALFORMED_HASH, "consistency path element " + i + " is not 32 bytes");
            }
        }
        if (first < 0 || second < 0) {
            return refused(
                    Outcome.NEGATIVE_TREE_SIZE, "tree sizes must be >= 0, got first=" + first + ", second=" + second);
        }
        if (first > second) {
            return refused(
                    Outcome.FIRST_LARGER_THAN_SECOND, "a log never shrinks, got first=" + first + ", second=" + second);
        }
        if (first == 0) {
            return refused(Outcome.FIRST_TREE_EMPTY, "the empty tree commits to nothing; there is no proof to check");
        }
        if (first == second) {
            if (!path.isEmpty()) {
                return refused(
                        Outcome.PATH_NOT_EMPTY,
                        "equal tree sizes need an empty proof, got " + path.size() + " elements");
            }
            if (!MerkleHashes.equal(firstRoot, secondRoot)) {
                return refused(Outcome.ROOTS_DIFFER, "two heads of size " + first + " with different roots");
            }
            return VerificationResult.VERIFIED;
        }
        // Step 1.
        if (path.isEmpty()) {
            return refused(Outcome.EMPTY_PATH, "first < second needs a non-empty consistency path");
        }
        // Step 2: a power-of-two first tree is itself a node of the second, so its root starts the path.
        List<byte[]> consistencyPath = path;
        if ((first & (first - 1)) == 0) {
            consistencyPath = new ArrayList<>(path.size() + 1);
            consistencyPath.add(firstRoot);
            consistencyPath.addAll(path);
        }
        // Step 3.
        long fn = first - 1;
        long sn = second - 1;
        // Step 4.
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 5.
        byte[] fr = consistencyPath.get(0);
        byte[] sr = consistencyPath.get(0);
        // Step 6.
        for (int i = 1; i < consistencyPath.size(); i++) {
            byte[] c = consistencyPath.get(i);
            // 6a.
            if (sn == 0) {
                return refused(
                        Outcome.PATH_TOO_LONG,
                        "path has " + path.size() + " elements, more than first=" + first + ", second=" + second
                                + " need");
            }
            // 6b.
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.hashChildren(c, fr);
                sr = MerkleHashes.hashChildren(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = MerkleHashes.hashChildren(sr, c);
            }
            // 6c.
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 7.
        if (sn != 0) {
            return refused(
                    Outcome.PATH_TOO_SHORT,
                    "path has " + path.size() + " elements, too few for first=" + first + ", second=" + second);
        }
        if (!MerkleHashes.equal(fr, firstRoot)) {
            return refused(Outcome.FIRST_ROOT_MISMATCH, "the path does not lead to the first root");
        }
        if (!MerkleHashes.equal(sr, secondRoot)) {
            return refused(Outcome.SECOND_ROOT_MISMATCH, "the path does not lead to the second root");
        }
        return VerificationResult.VERIFIED;
    }
}
