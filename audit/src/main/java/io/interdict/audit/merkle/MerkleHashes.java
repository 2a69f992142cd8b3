package io.interdict.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;

/**
 * The hashing of RFC 9162 §2.1.1 with SHA-256: {@code MTH({}) = HASH()}, {@code leaf_hash =
 * HASH(0x00 || leaf)}, {@code node = HASH(0x01 || left || right)}. The one-byte prefixes keep a leaf
 * from ever being passed off as an inner node (second-preimage resistance, RFC 9162 §2.1.1).
 */
public final class MerkleHashes {

    /** Length in bytes of every hash in the tree (SHA-256). */
    public static final int HASH_LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /*
     * MessageDigest is not thread-safe and getInstance() walks the provider list on every call; one
     * instance per thread is reused instead. The JDK's SUN provider is named explicitly because it
     * is several times faster here than BouncyCastle's, which may be registered first.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(MerkleHashes::newSha256);

    private static final byte[] EMPTY_ROOT = SHA_256.get().digest();

    private MerkleHashes() {}

    /** {@code SHA-256(0x00 || leaf)}: the leaf hash of RFC 9162 §2.1.1. */
    public static byte[] hashLeaf(byte[] leaf) {
        MessageDigest digest = SHA_256.get();
        digest.update(LEAF_PREFIX);
        digest.update(leaf);
        return digest.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}: the interior node hash of RFC 9162 §2.1.1. */
    public static byte[] hashChildren(byte[] left, byte[] right) {
        MessageDigest digest = SHA_256.get();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** {@code SHA-256()} of the empty string: the root of the empty tree, RFC 9162 §2.1.1. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** Constant-time comparison, so that verification does not leak how many bytes matched. */
    static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static boolean isHash(byte[] candidate) {
        return candidate != null && candidate.length == HASH_LENGTH;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256", "SUN");
        } catch (NoSuchAlgorithmException | NoSuchProviderException sunMissing) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java platform must provide SHA-256, this one does not", e);
            }
        }
    }
}
