package io.idcardstream.app;

import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.serde.RestSchemaRegistry;
import io.idcardstream.serde.SchemaRegistries;
import io.idcardstream.serde.SchemaRegistry;
import io.idcardstream.serde.SubjectGovernance;
import io.idcardstream.serde.SubjectGovernance.SubjectState;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code schemas apply | check}: the registry subjects of the configured topics and their compatibility levels. */
@Command(
        name = "schemas",
        mixinStandardHelpOptions = true,
        description = {
            "The schema registry subjects of the configured topics: <topic>-value of topic.requests "
                    + "(BACKWARD_TRANSITIVE) and of the four outcome topics (FULL_TRANSITIVE).",
            "Production runs with auto.register.schemas=false, so the worker's credentials need no write access: "
                    + "run `schemas apply` once per release with credentials that have it, and `run` checks at "
                    + "start that its schemas are there."
        },
        subcommands = {SchemasCommand.Apply.class, SchemasCommand.Check.class})
final class SchemasCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without apply or check: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.INVALID_CONFIGURATION;
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Set each subject's compatibility level and register this version's schema there "
                    + "(idempotent). Fails, changing nothing further, when the registry refuses a schema as "
                    + "incompatible with the subject's earlier versions.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every subject as required", "1:the registry refused", "2:invalid configuration"})
    static final class Apply implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            IdCardStreamConfig config = options.load();
            print(spec, governance(config).apply(EventSubjects.of(config)));
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Show each subject's schema and level against what this version needs; change nothing.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every subject as required", "1:a schema is missing or a level differs",
                "2:invalid configuration"})
    static final class Check implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            IdCardStreamConfig config = options.load();
            List<SubjectState> states = governance(config).check(EventSubjects.of(config));
            print(spec, states);
            boolean asRequired = states.stream().allMatch(SubjectState::asRequired);
            if (!asRequired) {
                spec.commandLine().getOut().println("schemas: run `idcard-stream schemas apply` with credentials "
                        + "allowed to write");
            }
            return asRequired ? 0 : 1;
        }
    }

    private static void print(CommandSpec spec, List<SubjectState> states) {
        PrintWriter out = spec.commandLine().getOut();
        states.forEach(state -> out.println("schemas: " + state.describe()));
    }

    static SubjectGovernance governance(IdCardStreamConfig config) {
        SchemaRegistry registry = SchemaRegistries.fromConfig(RunCommand.registryConfig(config));
        if (!(registry instanceof RestSchemaRegistry rest)) {
            throw new ConfigException(IdCardStreamConfig.SCHEMA_REGISTRY_URL_CONFIG + " names an in-memory registry "
                    + "(mock://); `schemas` works on an http(s) registry");
        }
        return new SubjectGovernance(rest);
    }
}
