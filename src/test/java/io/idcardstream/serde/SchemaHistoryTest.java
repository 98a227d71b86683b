package io.idcardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityAssembled;
import io.idcardstream.events.IdentityIncomplete;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.serde.SchemaHistory.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The event contract against its released versions in schemas/history: requests BACKWARD_TRANSITIVE (the worker
 * reads every older producer), outcomes FULL_TRANSITIVE (consumers may upgrade before or after the worker).
 */
class SchemaHistoryTest {
    private static final Path SCHEMAS = Path.of("schemas");
    private static final Path HISTORY = SCHEMAS.resolve("history");
    private static final Map<String, Schema> CURRENT = Map.of(
            "IdCardOcrRequested", IdCardOcrRequested.getClassSchema(),
            "IdentityRecognized", IdentityRecognized.getClassSchema(),
            "IdCardOcrFailed", IdCardOcrFailed.getClassSchema(),
            "IdentityAssembled", IdentityAssembled.getClassSchema(),
            "IdentityIncomplete", IdentityIncomplete.getClassSchema());
    private static final Map<String, Level> LEVELS = Map.of(
            "IdCardOcrRequested", Level.BACKWARD_TRANSITIVE,
            "IdentityRecognized", Level.FULL_TRANSITIVE,
            "IdCardOcrFailed", Level.FULL_TRANSITIVE,
            "IdentityAssembled", Level.FULL_TRANSITIVE,
            "IdentityIncomplete", Level.FULL_TRANSITIVE);

    @Test
    void shouldHaveALevelAndAReleasedVersionOfEveryEventSchema() throws IOException {
        // Given the event schemas of the contract (the top-level .avsc files; shared types live in types/)
        List<String> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            files.filter(f -> f.toString().endsWith(".avsc"))
                    .map(f -> f.getFileName().toString().replace(".avsc", ""))
                    .sorted()
                    .forEach(events::add);
        }

        // When / Then
        assertThat(events).containsExactlyInAnyOrderElementsOf(LEVELS.keySet());
        for (String event : events) {
            Map<String, Schema> versions = SchemaHistory.versions(HISTORY, event);
            assertThat(versions.keySet()).as("released versions of %s", event).startsWith("v1");
            assertThat(versions.values()).as("history of %s", event)
                    .allSatisfy(s -> assertThat(s.getFullName()).isEqualTo("io.idcardstream.events." + event));
            for (int n = 1; n <= versions.size(); n++) {
                assertThat(versions).as("versions of %s are numbered from v1 without gaps", event)
                        .containsKey("v" + n);
            }
        }
    }

    @Test
    void shouldReadEveryReleasedRequestWithTheCurrentSchema() {
        assertThat(SchemaHistory.incompatibilities(CURRENT.get("IdCardOcrRequested"),
                SchemaHistory.versions(HISTORY, "IdCardOcrRequested"), LEVELS.get("IdCardOcrRequested"))).isEmpty();
    }

    @Test
    void shouldKeepOutcomesFullyCompatibleWithEveryRelease() {
        for (String outcome : List.of("IdentityRecognized", "IdCardOcrFailed", "IdentityAssembled",
                "IdentityIncomplete")) {
            assertThat(SchemaHistory.incompatibilities(CURRENT.get(outcome), SchemaHistory.versions(HISTORY, outcome),
                    LEVELS.get(outcome))).as(outcome).isEmpty();
        }
    }

    @Test
    void shouldReportARequestSchemaThatAddsAFieldWithoutDefault() {
        // Given a candidate request schema with a new required field
        Schema released = IdCardOcrRequested.getClassSchema();
        List<Schema.Field> fields = copyFields(released);
        fields.add(new Schema.Field("tenant", Schema.create(Schema.Type.STRING), "Required tenant.", (Object) null));
        Schema candidate = record(released, fields);

        // When
        List<String> problems = SchemaHistory.incompatibilities(candidate, Map.of("v1", released),
                Level.BACKWARD_TRANSITIVE);

        // Then the worker could not read old requests
        assertThat(problems).containsExactly("the current schema cannot read v1: READER_FIELD_MISSING_DEFAULT_VALUE "
                + "at /fields/9 (tenant)");
    }

    @Test
    void shouldReportAnOutcomeSchemaThatDropsARequiredField() {
        // Given a candidate failure schema without errorCode, which has no default
        Schema released = IdCardOcrFailed.getClassSchema();
        List<Schema.Field> fields = copyFields(released);
        fields.removeIf(f -> f.name().equals("errorCode"));
        Schema candidate = record(released, fields);

        // When
        List<String> backward = SchemaHistory.incompatibilities(candidate, Map.of("v1", released),
                Level.BACKWARD_TRANSITIVE);
        List<String> full = SchemaHistory.incompatibilities(candidate, Map.of("v1", released), Level.FULL_TRANSITIVE);

        // Then new readers cope, but consumers still on v1 could not read new failures
        assertThat(backward).isEmpty();
        assertThat(full).containsExactly("v1 cannot read the current schema: READER_FIELD_MISSING_DEFAULT_VALUE at "
                + "/fields/3 (errorCode)");
    }

    private static List<Schema.Field> copyFields(Schema record) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        return fields;
    }

    private static Schema record(Schema like, List<Schema.Field> fields) {
        return Schema.createRecord(like.getName(), like.getDoc(), like.getNamespace(), false, fields);
    }
}
