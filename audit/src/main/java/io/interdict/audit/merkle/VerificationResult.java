package io.interdict.audit.merkle;

/**
 * What a proof verification concluded, and if it failed, which check of RFC 9162 §2.1.3.2 or
 * §2.1.4.2 (or which precondition) refused it.
 */
public record VerificationResult(Outcome outcome, String detail) {

    /** Why a proof was accepted or refused. */
    public enum Outcome {
        VERIFIED,
        /** A leaf hash, root hash or path element is missing or not 32 bytes long. */
        MALFORMED_HASH,
        /** A tree size is negative. */
        NEGATIVE_TREE_SIZE,
        /** §2.1.3.2 step 1: leafIndex is negative or not below treeSize. */
        LEAF_INDEX_OUT_OF_RANGE,
        /** §2.1.3.2 step 4a / §2.1.4.2 step 6a: elements left over when sn reached 0. */
        PATH_TOO_LONG,
        /** §2.1.3.2 step 5 / §2.1.4.2 step 7: the path ran out before sn reached 0. */
        PATH_TOO_SHORT,
        /** §2.1.3.2 step 5: the recomputed root differs from the given root. */
        ROOT_MISMATCH,
        /** The first tree is larger than the second: a log never shrinks. */
        FIRST_LARGER_THAN_SECOND,
        /** first == 0: the empty tree commits to nothing, so there is nothing to prove. */
        FIRST_TREE_EMPTY,
        /** first == second, but the proof is not empty. */
        PATH_NOT_EMPTY,
        /** first == second, but the roots differ. */
        ROOTS_DIFFER,
        /** §2.1.4.2 step 1: the consistency path is empty while first &lt; second. */
        EMPTY_PATH,
        /** §2.1.4.2 step 7: fr differs from first_hash. */
        FIRST_ROOT_MISMATCH,
        /** §2.1.4.2 step 7: sr differs from second_hash. */
        SECOND_ROOT_MISMATCH
    }

    static final VerificationResult VERIFIED = new VerificationResult(Outcome.VERIFIED, "verified");

    public VerificationResult {
        if (outcome == null || detail == null) {
            throw new IllegalArgumentException("outcome and detail are required, got " + outcome + ", " + detail);
        }
    }

    static VerificationResult refused(Outcome outcome, String detail) {
        return new VerificationResult(outcome, detail);
    }

    /** True only if every check passed. */
    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }
}
