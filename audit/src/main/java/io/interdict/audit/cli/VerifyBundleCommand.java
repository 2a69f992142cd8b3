package io.interdict.audit.cli;

import io.interdict.audit.bundle.BundleFormatException;
import io.interdict.audit.bundle.BundleReport;
import io.interdict.audit.bundle.BundleVerifier;
import io.interdict.audit.bundle.SignedTreeHead;
import io.interdict.audit.canonical.CanonicalizationException;
import io.interdict.audit.canonical.Jcs;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code interdict-verify bundle --bundle FILE [--trusted-tree-head FILE]}: verifies an audit bundle
 * (audit/BUNDLE.md) end to end with {@link BundleVerifier}. Each finding is printed as one {@code
 * FAIL …} line on stdout as it is made, progress goes to stderr, and the last line says {@code
 * VERIFIED} or {@code FAILED}.
 */
@Command(
        name = "bundle",
        mixinStandardHelpOptions = true,
        description = "Verifies an audit bundle: every signature, every leaf hash, the tree root, the"
                + " consistency proof, and optionally a tree head you saved earlier.")
final class VerifyBundleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--bundle",
            required = true,
            paramLabel = "FILE",
            description = "The bundle (GET /api/v1/audit/bundle).")
    Path bundle;

    @Option(
            names = "--trusted-tree-head",
            paramLabel = "FILE",
            description = "A tree head (GET /api/v1/log/tree-head) you saved earlier; the bundle must prove"
                    + " the log grew from it.")
    Path trustedTreeHead;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Signature-checking threads (default: one per processor).")
    Integer threads;

    @Option(
            names = "--progress-every",
            paramLabel = "N",
            defaultValue = "10000",
            description = "Report progress on stderr every N records (default: ${DEFAULT-VALUE}).")
    long progressEvery;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SignedTreeHead trusted = null;
        if (trustedTreeHead != null) {
            try {
                trusted = SignedTreeHead.parse(Jcs.parse(Files.readAllBytes(trustedTreeHead)), "--trusted-tree-head");
            } catch (IOException e) {
                err.println("cannot read trusted tree head " + trustedTreeHead + ": " + e.getMessage());
                return InterdictVerify.USAGE_OR_IO_ERROR;
            } catch (CanonicalizationException | BundleFormatException e) {
                err.println("trusted tree head " + trustedTreeHead + " is not a tree head: " + e.getMessage());
                return InterdictVerify.USAGE_OR_IO_ERROR;
            }
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1 || progressEvery < 1) {
            err.println("--threads and --progress-every must be at least 1");
            return InterdictVerify.USAGE_OR_IO_ERROR;
        }
        long started = System.nanoTime();
        BundleVerifier verifier = new BundleVerifier(
                threadCount,
                progressEvery,
                (done, expected) -> {
                    double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
                    err.printf("%d of %d records verified (%.0f records/s)%n", done, expected, done / seconds);
                    err.flush();
                },
                finding -> {
                    out.println(finding.describe());
                    out.flush();
                });
        BundleReport report;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(bundle), 1 << 16)) {
            report = verifier.verify(in, trusted);
        } catch (IOException e) {
            err.println("cannot read bundle " + bundle + ": " + e.getMessage());
            return InterdictVerify.USAGE_OR_IO_ERROR;
        } catch (BundleFormatException e) {
            err.println("bundle " + bundle + " cannot be verified: " + e.getMessage());
            return InterdictVerify.USAGE_OR_IO_ERROR;
        }
        out.println(report.records() + " records (leaves " + report.fromLeaf() + ".." + (report.treeSize() - 1)
                + "), tree head " + report.treeSize() + ", consistent from " + report.firstTreeSize()
                + (report.trustedTreeSize() >= 0 ? ", trusted head " + report.trustedTreeSize() : "") + ": "
                + report.findings().size() + " finding(s)");
        out.println(report.verified() ? "VERIFIED" : "FAILED");
        out.flush();
        return report.verified() ? 0 : InterdictVerify.VERIFICATION_FAILED;
    }
}
