package io.idcardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.serde.SchemaRegistryException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemorySchemaRegistryTest {
    private static final Schema REQUESTED = IdCardOcrRequested.getClassSchema();
    private static final Schema RECOGNIZED = IdentityRecognized.getClassSchema();
    private static final Schema FAILED = IdCardOcrFailed.getClassSchema();

    @Test
    void shouldGiveIdsFromOneAndTheSameIdToTheSameSchemaUnderAnySubject() {
        // Given
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

        // When
        int requested = registry.register("idcard.ocr.requests-value", REQUESTED);
        int recognized = registry.register("idcard.ocr.recognized-value", RECOGNIZED);
        int again = registry.register("idcard.ocr.requests-value", REQUESTED);
        int otherSubject = registry.register("replayed-value", new Schema.Parser().parse(
                SchemaFormatter.getInstance("json/pretty").format(REQUESTED)));

        // Then
        assertThat(List.of(requested, recognized, again, otherSubject)).containsExactly(1, 2, 1, 1);
        assertThat(registry.versions("idcard.ocr.requests-value")).containsExactly(1);
        assertThat(registry.subjects())
                .containsExactly("idcard.ocr.recognized-value", "idcard.ocr.requests-value", "replayed-value");
    }

    @Test
    void shouldGiveDifferentIdsToSchemasThatDifferOnlyInDocAsConfluentDoes() {
        // Given two schemas Avro calls equal (equals ignores docs) but a registry stores as different texts
        Schema documented = SchemaBuilder.record("Evolving").namespace("io.idcardstream.test").doc("first")
                .fields().requiredString("id").endRecord();
        Schema redocumented = SchemaBuilder.record("Evolving").namespace("io.idcardstream.test").doc("second")
                .fields().requiredString("id").endRecord();
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

        // When
        int first = registry.register("s-value", documented);
        int second = registry.register("s-value", redocumented);

        // Then
        assertThat(documented).isEqualTo(redocumented);
        assertThat(List.of(first, second)).containsExactly(1, 2);
        assertThat(registry.latest("s-value")).isEqualTo(new RegisteredSchema("s-value", 2, 2, redocumented));
        assertThat(registry.version("s-value", 1).schema().getDoc()).isEqualTo("first");
    }

    @Test
    void shouldLookUpWithoutRegistering() {
        // Given
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        registry.register("idcard.ocr.failed-value", FAILED);
        registry.register("idcard.ocr.recognized-value", RECOGNIZED);

        // When
        int id = registry.idOf("idcard.ocr.recognized-value", RECOGNIZED);

        // Then
        assertThat(id).isEqualTo(2);
        assertThatThrownBy(() -> registry.idOf("idcard.ocr.failed-value", RECOGNIZED))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("Schema io.idcardstream.events.IdentityRecognized is not registered under subject "
                        + "'idcard.ocr.failed-value' in the in-memory schema registry")
                .extracting(e -> ((SchemaRegistryException) e).reason()).isEqualTo(Reason.NOT_FOUND);
        assertThatThrownBy(() -> registry.idOf("unknown-value", RECOGNIZED))
                .hasMessage("Subject 'unknown-value' is not registered in the in-memory schema registry");
        assertThat(registry.versions("idcard.ocr.failed-value")).containsExactly(1);
    }

    @Test
    void shouldReportUnknownIdsSubjectsAndVersions() {
        // Given
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        registry.register("s-value", FAILED);

        // When / Then
        assertThatThrownBy(() -> registry.byId(7))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("Schema id 7 is not registered in the in-memory schema registry");
        assertThatThrownBy(() -> registry.latest("other-value"))
                .hasMessage("Subject 'other-value' is not registered in the in-memory schema registry");
        assertThatThrownBy(() -> registry.version("s-value", 2))
                .hasMessage("Subject 's-value' has no version 2 (it has 1 to 1) in the in-memory schema registry");
        assertThatThrownBy(() -> registry.register(" ", FAILED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subject must not be blank");
    }

    @Test
    void shouldKeepIdsAndVersionsAcrossRestartsWhenPersistent(@TempDir Path dataDir) {
        // Given a registry that registered three schemas in two subjects
        InMemorySchemaRegistry before = InMemorySchemaRegistry.persistentAt(dataDir);
        before.register("idcard.ocr.requests-value", REQUESTED);
        before.register("idcard.ocr.recognized-value", RECOGNIZED);
        before.register("idcard.ocr.recognized-value", FAILED);

        // When the process restarts
        InMemorySchemaRegistry after = InMemorySchemaRegistry.persistentAt(dataDir);

        // Then everything is where it was, and new schemas continue the numbering
        assertThat(after.byId(1)).isEqualTo(REQUESTED);
        assertThat(after.byId(1).toString()).isEqualTo(REQUESTED.toString());
        assertThat(after.idOf("idcard.ocr.recognized-value", RECOGNIZED)).isEqualTo(2);
        assertThat(after.latest("idcard.ocr.recognized-value"))
                .isEqualTo(new RegisteredSchema("idcard.ocr.recognized-value", 2, 3, FAILED));
        assertThat(after.register("idcard.ocr.requests-value", REQUESTED)).isEqualTo(1);
        assertThat(after.register("idcard.ocr.failed-value", SchemaBuilder.record("Other").fields().endRecord()))
                .isEqualTo(4);
        assertThat(after.subjects()).containsExactly("idcard.ocr.failed-value", "idcard.ocr.recognized-value",
                "idcard.ocr.requests-value");
        assertThat(dataDir.resolve("schema-registry.json")).isRegularFile();
        assertThat(dataDir.resolve("schema-registry.json.tmp")).doesNotExist();
    }

    @Test
    void shouldRefuseACorruptFileWithAClearMessage(@TempDir Path dataDir) throws IOException {
        // Given
        Path file = dataDir.resolve("schema-registry.json");
        Files.writeString(file, "{\"format\":\"idcard-stream-schema-registry/1\",\"schemas\":[],"
                + "\"subjects\":{\"s-value\":[3]}}");

        // When / Then
        assertThatThrownBy(() -> InMemorySchemaRegistry.persistentAt(dataDir))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("The schema registry file " + file + " is corrupt: subject 's-value' refers to unknown "
                        + "schema id 3. Move it away to start an empty registry (ids will change).")
                .extracting(e -> ((SchemaRegistryException) e).reason()).isEqualTo(Reason.STORAGE);
    }

    @Test
    void shouldLeaveTheRegistryUnchangedWhenTheFileCannotBeWritten(@TempDir Path dataDir) throws IOException {
        // Given a registry whose temporary file path is blocked by a directory
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.persistentAt(dataDir);
        registry.register("s-value", FAILED);
        Files.createDirectory(dataDir.resolve("schema-registry.json.tmp"));

        // When
        assertThatThrownBy(() -> registry.register("s-value", RECOGNIZED))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageStartingWith("Cannot write the schema registry file " + dataDir.resolve(
                        "schema-registry.json") + ": ");

        // Then
        assertThat(registry.versions("s-value")).containsExactly(1);
        assertThatThrownBy(() -> registry.byId(2)).isInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void shouldGiveEveryConcurrentCallerOfOneSchemaTheSameId() throws Exception {
        // Given 8 threads registering the same 3 schemas, each under its own subject
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<List<Integer>> idsSeenByThreads = new HashSet<>();
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                String subject = "t" + thread + "-value";
                Callable<List<Integer>> task = () -> List.of(registry.register(subject, REQUESTED),
                        registry.register(subject, RECOGNIZED), registry.register(subject, FAILED));
                results.add(pool.submit(task));
            }

            // When
            for (Future<List<Integer>> result : results) {
                idsSeenByThreads.add(result.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        // Then every thread saw the same three ids, and each id holds its schema
        assertThat(idsSeenByThreads).hasSize(1);
        List<Integer> ids = idsSeenByThreads.iterator().next();
        assertThat(ids).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(List.of(registry.byId(ids.get(0)), registry.byId(ids.get(1)), registry.byId(ids.get(2))))
                .containsExactly(REQUESTED, RECOGNIZED, FAILED);
    }
}
