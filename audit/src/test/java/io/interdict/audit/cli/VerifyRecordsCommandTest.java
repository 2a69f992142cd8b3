package io.interdict.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.interdict.audit.record.RecordFixtures;
import io.interdict.audit.record.SignedRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyRecordsCommandTest {

    @TempDir
    Path dir;

    private Path keys;
    private Path records;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeKeysAndRecords() throws Exception {
        keys = dir.resolve("jwks.json");
        Files.writeString(keys, RecordFixtures.keys().toJson().toString());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(RecordFixtures.notarisedShare("rec-" + i).toJson().toString());
        }
        records = dir.resolve("records.jsonl");
        Files.write(records, lines, StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        CommandLine command = InterdictVerify.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void allGoodRecordsExitZeroWithASummary() {
        int status = run("records", "--records", records.toString(), "--keys", keys.toString());
        assertThat(status).isZero();
        assertThat(out.toString()).isEqualTo("3 records, 3 verified, 0 failed" + System.lineSeparator());
    }

    @Test
    void oneByteChangedInOnePayloadFailsAndNamesThatRecord() throws Exception {
        List<String> lines = Files.readAllLines(records, StandardCharsets.UTF_8);
        lines.set(1, lines.get(1).replace("\"confidence\":85", "\"confidence\":86"));
        Files.write(records, lines, StandardCharsets.UTF_8);

        int status = run("records", "--records", records.toString(), "--keys", keys.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAIL rec-1 GATEWAY BAD_SIGNATURE")
                .contains("FAIL rec-1 SUBMITTER BAD_SIGNATURE")
                .doesNotContain("rec-0 ")
                .doesNotContain("rec-2 ")
                .contains("3 records, 2 verified, 1 failed");
    }

    @Test
    void unparseableLineCountsAsAFailedRecord() throws Exception {
        Files.writeString(
                records,
                "{\"recordId\":\"broken\"}\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        int status = run("records", "--records", records.toString(), "--keys", keys.toString());
        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL broken line 4 MALFORMED").contains("4 records, 3 verified, 1 failed");
    }

    @Test
    void recordSignedByAnUnpublishedKeyFails() throws Exception {
        SignedRecord foreign = io.interdict.audit.record.Notary.notarise(
                RecordFixtures.shareEnvelope("rec-x", false),
                io.interdict.audit.jose.Ed25519KeyPair.generate(new java.security.SecureRandom())
                        .signer("gw-2"));
        Files.writeString(records, foreign.toJson().toString() + "\n");
        assertThat(run("records", "--records", records.toString(), "--keys", keys.toString()))
                .isEqualTo(1);
        assertThat(out.toString()).contains("FAIL rec-x GATEWAY UNKNOWN_KEY: unknown kid \"gw-2\"");
    }

    @Test
    void missingRecordsFileIsAnIoError() {
        int status = run("records", "--records", dir.resolve("nope.jsonl").toString(), "--keys", keys.toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read records");
    }

    @Test
    void keysFileThatIsNotAJwkSetIsAnInputError() throws Exception {
        Files.writeString(keys, "{\"keys\":[{\"kty\":\"RSA\"}]}");
        assertThat(run("records", "--records", records.toString(), "--keys", keys.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("is not a JWK set").contains("keys[0]");
    }

    @Test
    void missingOptionIsAUsageError() {
        assertThat(run("records", "--records", records.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--keys");
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
    }
}
