package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.serde.ApicurioProcess;
import io.idcardstream.serde.RestSchemaRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code schemas apply}, {@code schemas check} and {@code run}'s start-up check against a real Apicurio Registry:
 * production runs with {@code auto.register.schemas=false}, so the subjects and their compatibility levels are set
 * by {@code schemas apply} and checked before the worker consumes anything.
 */
class SchemasCommandIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static ApicurioProcess apicurio;

    @BeforeAll
    static void startApicurio() throws Exception {
        apicurio = ApicurioProcess.start();
    }

    @AfterAll
    static void stopApicurio() throws Exception {
        if (apicurio != null) {
            apicurio.close();
        }
    }

    @Test
    void shouldRegisterEverySubjectAtItsLevelIdempotentlyAndThenCheckClean() {
        // Given topics no subject exists for yet
        String prefix = uniquePrefix();
        RestSchemaRegistry registry = new RestSchemaRegistry(apicurio.ccompat(), TIMEOUT);

        // When schemas apply runs twice
        Result first = execute(prefix, "schemas", "apply");
        Result second = execute(prefix, "schemas", "apply");
        Result check = execute(prefix, "schemas", "check");

        // Then every subject holds this version's schema at DESIGN.md's level, and nothing changed the second time
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(registry.compatibility(prefix + ".requests-value")).contains("BACKWARD_TRANSITIVE");
        for (String outcome : List.of("recognized", "failed", "assembled", "incomplete")) {
            assertThat(registry.compatibility(prefix + "." + outcome + "-value")).as(outcome)
                    .contains("FULL_TRANSITIVE");
        }
        assertThat(registry.idOf(prefix + ".recognized-value", IdentityRecognized.getClassSchema())).isPositive();
        assertThat(first.out()).hasLineCount(5).contains(prefix + ".failed-value: schema io.idcardstream.events."
                + "IdCardOcrFailed id ").contains(", compatibility FULL_TRANSITIVE").doesNotContain("required");
    }

    @Test
    void shouldRefuseToRunWithoutAutoRegistrationBeforeTheSchemasAreApplied() {
        // Given a registry that has never seen this version's outcome subjects
        String prefix = uniquePrefix();

        // When the worker starts with auto-registration off, and schemas check looks
        Result run = execute(prefix, "run", "-D", "auto.register.schemas=false", "-D", "bootstrap.servers=127.0.0.1:9");
        Result check = execute(prefix, "schemas", "check");

        // Then it refuses at once, naming the subjects and the command that fixes it
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("auto.register.schemas=false").contains(prefix + ".recognized-value: schema "
                + "io.idcardstream.events.IdentityRecognized NOT registered").contains("idcard-stream schemas apply");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("NOT registered").contains("run `idcard-stream schemas apply`");
    }

    @Test
    void shouldStopWhenTheRegistryRefusesThisVersionAsIncompatible() {
        // Given an outcome subject whose earlier version this one cannot be read by (a required field it lacks)
        String prefix = uniquePrefix();
        RestSchemaRegistry registry = new RestSchemaRegistry(apicurio.ccompat(), TIMEOUT);
        Schema earlier = SchemaBuilder.record("IdentityRecognized").namespace("io.idcardstream.events").fields()
                .requiredString("requestId").requiredString("legacyOnlyField").endRecord();
        registry.register(prefix + ".recognized-value", earlier);

        // When schemas apply runs
        Result apply = execute(prefix, "schemas", "apply");

        // Then the level was set first, so the registry refused the registration, and the command says so
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
        assertThat(apply.err()).contains("incompatible").contains(prefix + ".recognized-value");
        assertThat(registry.compatibility(prefix + ".recognized-value")).isEqualTo(Optional.of("FULL_TRANSITIVE"));
    }

    @Test
    void shouldLeaveTheRequestSubjectToItsProducersAndOnlyTestThisReaderAgainstIt() {
        // Given producers that already registered a newer request schema (an added optional field)
        String prefix = uniquePrefix();
        RestSchemaRegistry registry = new RestSchemaRegistry(apicurio.ccompat(), TIMEOUT);
        Schema producers = withOptionalField(IdCardOcrRequested.getClassSchema(), "channel");
        int producersId = registry.register(prefix + ".requests-value", producers);

        // When schemas apply and check run
        Result apply = execute(prefix, "schemas", "apply");
        Result check = execute(prefix, "schemas", "check");

        // Then the level is set, this reader was tested but not registered, and the producers' version stays latest
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(registry.compatibility(prefix + ".requests-value")).contains("BACKWARD_TRANSITIVE");
        assertThat(registry.latest(prefix + ".requests-value").id()).isEqualTo(producersId);
        assertThat(registry.latest(prefix + ".requests-value").version()).isEqualTo(1);
        assertThat(apply.out()).contains(prefix + ".requests-value: schema io.idcardstream.events.IdCardOcrRequested "
                + "not registered (its producers own this subject), compatibility BACKWARD_TRANSITIVE");
        assertThat(check.exitCode()).as(check.toString()).isZero();
    }

    private static Schema withOptionalField(Schema record, String name) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(new Schema.Field(name, SchemaBuilder.unionOf().nullType().and().stringType().endUnion(), null,
                Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }

    private static Result execute(String prefix, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        for (String setting : List.of("schema.registry.url=" + apicurio.ccompat(),
                "topic.requests=" + prefix + ".requests", "topic.recognized=" + prefix + ".recognized",
                "topic.failed=" + prefix + ".failed", "topic.assembled=" + prefix + ".assembled",
                "topic.incomplete=" + prefix + ".incomplete", "assembly.enabled=true")) {
            args.addAll(List.of("-D", setting));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static String uniquePrefix() {
        return "schemas-it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private record Result(int exitCode, String out, String err) {
    }
}
