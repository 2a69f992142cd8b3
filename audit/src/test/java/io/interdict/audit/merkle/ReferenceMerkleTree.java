package io.interdict.audit.merkle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9162 §2.1 written out as its recursive definitions over a list of leaves, with nothing
 * borrowed from the production code except the two hash functions of §2.1.1. Slow on purpose; MTH
 * results are memoised only so that every tree size up to a few hundred stays fast.
 */
final class ReferenceMerkleTree {

    private final List<byte[]> leafHashes = new ArrayList<>();
    private final Map<Long, byte[]> mthMemo = new HashMap<>();

    ReferenceMerkleTree(List<byte[]> leafInputs) {
        for (byte[] leaf : leafInputs) {
            leafHashes.add(MerkleHashes.hashLeaf(leaf));
        }
    }

    int size() {
        return leafHashes.size();
    }

    byte[] leafHash(int index) {
        return leafHashes.get(index).clone();
    }

    /** MTH(D[start:end]), §2.1.1. */
    byte[] mth(int start, int end) {
        int n = end - start;
        if (n == 0) {
            return MerkleHashes.emptyRoot();
        }
        if (n == 1) {
            return leafHashes.get(start);
        }
        long key = ((long) start << 32) | end;
        byte[] memoised = mthMemo.get(key);
        if (memoised != null) {
            return memoised;
        }
        int k = largestPowerOfTwoBelow(n);
        byte[] hash = MerkleHashes.hashChildren(mth(start, start + k), mth(start + k, end));
        mthMemo.put(key, hash);
        return hash;
    }

    /** PATH(m, D[n]), §2.1.3.1. */
    List<byte[]> path(int m, int n) {
        return path(m, 0, n);
    }

    private List<byte[]> path(int m, int start, int end) {
        int n = end - start;
        List<byte[]> result = new ArrayList<>();
        if (n == 1) {
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            result.addAll(path(m, start, start + k));
            result.add(mth(start + k, end));
        } else {
            result.addAll(path(m - k, start + k, end));
            result.add(mth(start, start + k));
        }
        return result;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true), §2.1.4.1. */
    List<byte[]> proof(int m, int n) {
        return subproof(m, 0, n, true);
    }

    private List<byte[]> subproof(int m, int start, int end, boolean b) {
        int n = end - start;
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(start, end));
            }
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            result.addAll(subproof(m, start, start + k, b));
            result.add(mth(start + k, end));
        } else {
            result.addAll(subproof(m - k, start + k, end, false));
            result.add(mth(start, start + k));
        }
        return result;
    }

    /**
     * How PATH(m, D[n]) combines: for each element, deepest first, whether it is the right sibling.
     * Two (m, n) with the same shape are verified by the very same sequence of hash operations.
     */
    static List<Boolean> inclusionShape(long m, long n) {
        List<Boolean> rootFirst = new ArrayList<>();
        long start = 0;
        long end = n;
        while (end - start > 1) {
            long k = largestPowerOfTwoBelow(end - start);
            boolean siblingOnRight = m < start + k;
            rootFirst.add(siblingOnRight);
            if (siblingOnRight) {
                end = start + k;
            } else {
                start += k;
            }
        }
        return reversed(rootFirst);
    }

    /**
     * How PROOF(m, D[n]) combines: deepest first, "S" for the subtree the walk starts from, "L" for
     * a left sibling of both trees, "R" for a right sibling of the second tree only; "*" first when
     * the verifier starts from the first root itself.
     */
    static String consistencyShape(long m, long n) {
        List<String> rootFirst = new ArrayList<>();
        long start = 0;
        long end = n;
        long relative = m;
        boolean b = true;
        while (relative != end - start) {
            long k = largestPowerOfTwoBelow(end - start);
            if (relative <= k) {
                rootFirst.add("R");
                end = start + k;
            } else {
                rootFirst.add("L");
                start += k;
                relative -= k;
                b = false;
            }
        }
        rootFirst.add(b ? "*" : "S");
        return String.join("", reversed(rootFirst));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list.size());
        for (int i = list.size() - 1; i >= 0; i--) {
            copy.add(list.get(i));
        }
        return copy;
    }

    /** The k of §2.1.1, by counting up rather than with the bit tricks of the production code. */
    static int largestPowerOfTwoBelow(int n) {
        return (int) largestPowerOfTwoBelow((long) n);
    }

    static long largestPowerOfTwoBelow(long n) {
        long k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }
}
