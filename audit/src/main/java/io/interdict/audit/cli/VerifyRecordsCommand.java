package io.interdict.audit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.audit.canonical.CanonicalizationException;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.jose.InvalidJwkException;
import io.interdict.audit.jose.JwkSet;
import io.interdict.audit.record.InvalidRecordException;
import io.interdict.audit.record.RecordFailure;
import io.interdict.audit.record.RecordVerification;
import io.interdict.audit.record.RecordVerifier;
import io.interdict.audit.record.SignedRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code interdict-verify records --records FILE.jsonl --keys JWKS.json}: checks the gateway and
 * submitter signature of every record, one signed record per line (blank lines skipped). A line that
 * is not a signed record counts as a failed record.
 */
@Command(
        name = "records",
        mixinStandardHelpOptions = true,
        description = "Verifies every gateway and submitter signature in a JSON Lines file of signed records.")
final class VerifyRecordsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--records",
            required = true,
            paramLabel = "FILE.jsonl",
            description = "Signed records, one JSON object per line.")
    Path records;

    @Option(
            names = "--keys",
            required = true,
            paramLabel = "JWKS.json",
            description = "The published JWK set (GET /api/v1/keys).")
    Path keys;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JwkSet keySet;
        try {
            keySet = JwkSet.parse(Jcs.parse(Files.readAllBytes(keys)));
        } catch (IOException e) {
            err.println("cannot read keys " + keys + ": " + e.getMessage());
            return InterdictVerify.USAGE_OR_IO_ERROR;
        } catch (CanonicalizationException | InvalidJwkException e) {
            err.println("keys " + keys + " is not a JWK set: " + e.getMessage());
            return InterdictVerify.USAGE_OR_IO_ERROR;
        }
        RecordVerifier verifier = new RecordVerifier(keySet);

        long total = 0;
        long failed = 0;
        try (BufferedReader reader = Files.newBufferedReader(records, StandardCharsets.UTF_8)) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                total++;
                SignedRecord record;
                try {
                    record = SignedRecord.fromJson(Jcs.parse(line));
                } catch (CanonicalizationException | InvalidRecordException e) {
                    failed++;
                    out.println("FAIL " + recordIdOf(line) + " line " + lineNumber + " MALFORMED: " + e.getMessage());
                    continue;
                }
                RecordVerification result = verifier.verify(record);
                if (!result.isValid()) {
                    failed++;
                    for (RecordFailure failure : result.failures()) {
                        out.println("FAIL " + failure.describe());
                    }
                }
            }
        } catch (IOException e) {
            err.println("cannot read records " + records + ": " + e.getMessage());
            return InterdictVerify.USAGE_OR_IO_ERROR;
        }
        out.println(total + " records, " + (total - failed) + " verified, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : InterdictVerify.VERIFICATION_FAILED;
    }

    /** Best effort, so that even an unparseable record is reported by its id when it has one. */
    private static String recordIdOf(String line) {
        try {
            JsonNode id = Jcs.mapper().readTree(line).get("recordId");
            return id != null && id.isTextual() ? id.textValue() : "(no recordId)";
        } catch (IOException | RuntimeException e) {
            return "(no recordId)";
        }
    }
}
