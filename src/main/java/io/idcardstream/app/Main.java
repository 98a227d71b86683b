package io.idcardstream.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code idcard-stream} command line: one subcommand per job. */
@Command(
        name = "idcard-stream",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Event-driven ID-card recognition: a Kafka Streams worker for IDCardOCR (2018-11-19).",
        subcommands = {CommandLine.HelpCommand.class, RecognizeCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
