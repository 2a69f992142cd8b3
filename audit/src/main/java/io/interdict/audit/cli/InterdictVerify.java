package io.interdict.audit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code interdict-verify} command; subcommands do the work. */
@Command(
        name = "interdict-verify",
        mixinStandardHelpOptions = true,
        version = "interdict-verify 0.1.0",
        description = "Verifies Interdict signed records and audit bundles offline against the published JWK set.",
        subcommands = {VerifyRecordsCommand.class, VerifyBundleCommand.class})
public final class InterdictVerify implements Runnable {

    /** Exit status when some record did not verify. */
    static final int VERIFICATION_FAILED = 1;

    /** Exit status for bad usage or unreadable input (picocli's own usage errors use 2 as well). */
    static final int USAGE_OR_IO_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for callers that run it in-process. */
    public static CommandLine commandLine() {
        // picocli answers invalid input with 2 already; an unexpected exception must not look like
        // "verification failed" (1), so it is reported as an input error too.
        return new CommandLine(new InterdictVerify())
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    commandLine.getErr().println("interdict-verify: " + exception);
                    return USAGE_OR_IO_ERROR;
                });
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected a subcommand, e.g. records");
    }
}
