package io.interdict.audit.bundle;

import java.util.List;

/**
 * What verifying a bundle concluded. {@link #verified()} only when there is no finding at all.
 *
 * @param records records read from the bundle
 * @param fromLeaf the first leaf the bundle carries
 * @param treeSize the size of the bundle's (newer) tree head
 * @param firstTreeSize the size of the bundle's older tree head
 * @param trustedTreeSize the size of the auditor's trusted head, or -1 when none was given
 */
public record BundleReport(
        long records,
        long fromLeaf,
        long treeSize,
        long firstTreeSize,
        long trustedTreeSize,
        List<BundleFinding> findings) {

    public BundleReport {
        findings = List.copyOf(findings);
    }

    public boolean verified() {
        return findings.isEmpty();
    }
}
