package io.idcardstream.app;

import io.idcardstream.app.demo.EmbeddedBrokerUnavailable;
import io.idcardstream.app.logging.JavaUtilLogging;
import io.idcardstream.serde.SchemaRegistryException;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code idcard-stream} command line: one subcommand per job. */
@Command(
        name = "idcard-stream",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Event-driven ID-card recognition: a Kafka Streams worker for IDCardOCR (2018-11-19).",
        subcommands = {DemoCommand.class, RunCommand.class, ServeCommand.class, RecognizeCommand.class,
            ReplayCommand.class, SchemasCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code for a configuration the command refuses. */
    static final int INVALID_CONFIGURATION = 2;

    public static void main(String[] args) {
        JavaUtilLogging.routeToSlf4j();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof ConfigException || exception instanceof IllegalArgumentException) {
                // A bad setting: say which and how, without a stack trace.
                cmd.getErr().println(cmd.getCommandName() + ": invalid configuration: " + exception.getMessage());
                return INVALID_CONFIGURATION;
            }
            if (exception instanceof EmbeddedBrokerUnavailable || exception instanceof SchemaRegistryException) {
                cmd.getErr().println(cmd.getCommandName() + ": " + exception.getMessage());
                return 1;
            }
            throw exception;
        });
        return commandLine;
    }
}
