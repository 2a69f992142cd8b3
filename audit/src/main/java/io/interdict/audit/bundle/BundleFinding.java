package io.interdict.audit.bundle;

/**
 * One thing in a bundle that did not verify.
 *
 * @param leafIndex the leaf it is about, or null for the tree heads and proofs
 * @param recordId the record it is about, or null
 * @param reason a short upper-case code, e.g. {@code GATEWAY_SIGNATURE}, {@code LEAF_GAP}
 * @param detail what was expected and what was found
 */
public record BundleFinding(Long leafIndex, String recordId, String reason, String detail) {

    /** {@code FAIL leaf 41 record 0b6f… GATEWAY_SIGNATURE: …}, or {@code FAIL log ROOT_MISMATCH: …}. */
    public String describe() {
        StringBuilder line = new StringBuilder("FAIL ");
        if (leafIndex == null && recordId == null) {
            line.append("log ");
        }
        if (leafIndex != null) {
            line.append("leaf ").append(leafIndex).append(' ');
        }
        if (recordId != null) {
            line.append("record ").append(recordId).append(' ');
        }
        return line.append(reason).append(": ").append(detail).toString();
    }
}
