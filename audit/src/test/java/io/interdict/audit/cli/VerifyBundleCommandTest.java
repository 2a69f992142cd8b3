package io.interdict.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.bundle.BundleFixtures;
import io.interdict.audit.canonical.Jcs;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyBundleCommandTest {

    private static final BundleFixtures LOG = BundleFixtures.log(25, "cli");
    private static final BundleFixtures FORK = BundleFixtures.log(25, "cli-fork");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aGoodBundleExitsZeroAndSaysVerified() throws Exception {
        Path bundle = dir.resolve("bundle.json");
        try (OutputStream stream = Files.newOutputStream(bundle)) {
            LOG.write(stream, 0, 10, 25);
        }
        Path trusted = dir.resolve("head.json");
        Files.writeString(trusted, LOG.head(10).toJson().toString());

        int status = run(
                "bundle",
                "--bundle",
                bundle.toString(),
                "--trusted-tree-head",
                trusted.toString(),
                "--progress-every",
                "10");

        assertThat(status).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains("25 records (leaves 0..24), tree head 25")
                .endsWith("VERIFIED\n");
        assertThat(err.toString()).contains("of 25 records verified");
    }

    @Test
    void aTamperedRecordExitsOneAndIsNamed() throws Exception {
        ObjectNode tampered = LOG.bundle(0, 10, 25);
        ((ObjectNode) tampered.get("records").get(3).get("payload")).put("version", 7);
        Path bundle = dir.resolve("tampered.json");
        Files.write(bundle, Jcs.mapper().writeValueAsBytes(tampered));

        int status = run("bundle", "--bundle", bundle.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAIL leaf 3 record rec-cli-3 GATEWAY_SIGNATURE: BAD_SIGNATURE")
                .contains("FAIL log ROOT_MISMATCH")
                .endsWith("FAILED\n");
    }

    @Test
    void anInconsistentTrustedHeadExitsOne() throws Exception {
        Path bundle = dir.resolve("bundle.json");
        try (OutputStream stream = Files.newOutputStream(bundle)) {
            LOG.write(stream, 0, 10, 25);
        }
        Path trusted = dir.resolve("head.json");
        Files.writeString(trusted, FORK.head(10).toJson().toString());

        assertThat(run("bundle", "--bundle", bundle.toString(), "--trusted-tree-head", trusted.toString()))
                .isEqualTo(1);
        assertThat(out.toString()).contains("FAIL log TRUSTED_HEAD");
    }

    @Test
    void aMissingFileOrAnUnrelatableTrustedHeadExitsTwo() throws Exception {
        assertThat(run("bundle", "--bundle", dir.resolve("none.json").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("cannot read bundle");

        Path bundle = dir.resolve("late.json");
        try (OutputStream stream = Files.newOutputStream(bundle)) {
            LOG.write(stream, 20, 22, 25);
        }
        Path trusted = dir.resolve("head.json");
        Files.writeString(trusted, LOG.head(10).toJson().toString());
        assertThat(run("bundle", "--bundle", bundle.toString(), "--trusted-tree-head", trusted.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("firstTreeSize=10");
    }

    private int run(String... args) {
        CommandLine command = InterdictVerify.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
