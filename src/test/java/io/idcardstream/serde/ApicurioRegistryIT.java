package io.idcardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.serde.SchemaRegistryException.Reason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST client, the serde and {@code schemas apply} against a real Apicurio Registry ({@link ApicurioProcess}),
 * started for this class and stopped afterwards.
 */
class ApicurioRegistryIT {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Schema EVOLVING_V1 = SchemaBuilder.record("Evolving").namespace("io.idcardstream.test")
            .fields().requiredString("id").requiredInt("n").endRecord();

    private static ApicurioProcess apicurio;
    private static URI ccompat;

    @BeforeAll
    static void startApicurio() throws Exception {
        apicurio = ApicurioProcess.start();
        ccompat = apicurio.ccompat();
    }

    @AfterAll
    static void stopApicurio() throws Exception {
        if (apicurio != null) {
            apicurio.close();
        }
    }

    @Test
    void shouldRegisterLookUpAndFetchSchemasThroughTheConfluentApi() {
        // Given
        RestSchemaRegistry client = new RestSchemaRegistry(ccompat, REQUEST_TIMEOUT);

        // When
        int id = client.register("it.register-value", IdCardOcrFailed.getClassSchema());

        // Then: idempotent, global per content, and readable by clients with empty caches
        assertThat(new RestSchemaRegistry(ccompat, REQUEST_TIMEOUT)
                .register("it.register-value", IdCardOcrFailed.getClassSchema())).isEqualTo(id);
        assertThat(new RestSchemaRegistry(ccompat, REQUEST_TIMEOUT)
                .register("it.register.copy-value", IdCardOcrFailed.getClassSchema())).isEqualTo(id);
        assertThat(new RestSchemaRegistry(ccompat, REQUEST_TIMEOUT)
                .idOf("it.register-value", IdCardOcrFailed.getClassSchema())).isEqualTo(id);
        Schema fetched = new RestSchemaRegistry(ccompat, REQUEST_TIMEOUT).byId(id);
        assertThat(fetched.toString()).isEqualTo(IdCardOcrFailed.getClassSchema().toString());
        assertThat(new RestSchemaRegistry(ccompat, REQUEST_TIMEOUT).latest("it.register-value"))
                .isEqualTo(new RegisteredSchema("it.register-value", 1, id, IdCardOcrFailed.getClassSchema()));
        assertThatThrownBy(() -> client.byId(999_999))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("Schema not found while fetching schema id 999999 at " + ccompat
                        + " (HTTP 404, error_code 40403: No content with ID '999999' was found.)");
    }

    @Test
    void shouldRoundTripRealEventsThroughTheRealRegistry() {
        // Given serdes configured the Confluent way, and a consumer-side registry client with empty caches
        Map<String, Object> config = Map.of("schema.registry.url", ccompat.toString());
        ConfluentAvroSerializer<SpecificRecord> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config, false);
        RestSchemaRegistry consumerSide = new RestSchemaRegistry(ccompat, REQUEST_TIMEOUT);
        List<SpecificRecord> events = List.of(EventFixtures.ocrRequested(), EventFixtures.identityRecognized(),
                EventFixtures.ocrFailed());
        List<String> topics = List.of("it.requests", "it.recognized", "it.failed");
        List<Class<? extends SpecificRecord>> types = List.of(IdCardOcrRequested.class, IdentityRecognized.class,
                IdCardOcrFailed.class);

        for (int i = 0; i < events.size(); i++) {
            // When
            byte[] bytes = serializer.serialize(topics.get(i), events.get(i));
            SpecificRecord read = ConfluentAvroDeserializer.forClass(types.get(i), consumerSide)
                    .deserialize(topics.get(i), bytes);

            // Then
            assertThat(read).isEqualTo(events.get(i));
            assertThat(bytes[0]).isEqualTo((byte) 0);
            assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt())
                    .isEqualTo(consumerSide.idOf(topics.get(i) + "-value", events.get(i).getSchema()));
        }
    }

    @Test
    void shouldFailClearlyWhenAutoRegistrationIsOffAndTheSubjectIsUnregistered() {
        // Given
        ConfluentAvroSerializer<IdCardOcrFailed> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", ccompat.toString(), "auto.register.schemas", false),
                false);

        // When / Then
        assertThatThrownBy(() -> serializer.serialize("it.unregistered", EventFixtures.ocrFailed()))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot serialize a io.idcardstream.events.IdCardOcrFailed for topic 'it.unregistered': "
                        + "Subject not found while looking up schema io.idcardstream.events.IdCardOcrFailed under "
                        + "subject 'it.unregistered-value' at " + ccompat + " (HTTP 404, error_code 40401: No "
                        + "artifact with ID 'it.unregistered-value' in group 'null' was found.)")
                .cause().isInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void shouldRefuseARequiredFieldAddedUnderBackwardCompatibility() throws Exception {
        // Given a subject at BACKWARD holding version 1
        RestSchemaRegistry client = new RestSchemaRegistry(ccompat, REQUEST_TIMEOUT);
        client.register("it.backward-value", EVOLVING_V1);
        assertThat(setCompatibility("it.backward-value", "BACKWARD")).isEqualTo("200 {\"compatibilityLevel\":"
                + "\"BACKWARD\"}");
        Schema withDefault = SchemaBuilder.record("Evolving").namespace("io.idcardstream.test").fields()
                .requiredString("id").requiredInt("n").name("tag").type().stringType().stringDefault("none")
                .endRecord();
        Schema withoutDefault = SchemaBuilder.record("Evolving").namespace("io.idcardstream.test").fields()
                .requiredString("id").requiredInt("n").requiredInt("m").endRecord();

        // When / Then: a field with a default is a compatible new version, one without is refused
        assertThat(client.register("it.backward-value", withDefault)).isNotEqualTo(client.idOf("it.backward-value",
                EVOLVING_V1));
        assertThat(client.latest("it.backward-value").version()).isEqualTo(2);
        assertThatThrownBy(() -> client.register("it.backward-value", withoutDefault))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("The schema is incompatible with the subject's compatibility level; the registry refused "
                        + "registering schema io.idcardstream.test.Evolving under subject 'it.backward-value' at "
                        + ccompat + " (HTTP 409, error_code 409: io.apicurio.registry.rules.RuleViolationException: "
                        + "Incompatible artifact: it.backward-value [AVRO], num of incompatible diffs: {1}, list of "
                        + "diff types: [m at /fields/2])")
                .extracting(e -> ((SchemaRegistryException) e).reason()).isEqualTo(Reason.INCOMPATIBLE);
    }

    @Test
    void shouldRefuseADroppedRequiredFieldUnderFullCompatibility() throws Exception {
        // Given a subject at FULL holding version 1
        RestSchemaRegistry client = new RestSchemaRegistry(ccompat, REQUEST_TIMEOUT);
        client.register("it.full-value", EVOLVING_V1);
        assertThat(setCompatibility("it.full-value", "FULL")).isEqualTo("200 {\"compatibilityLevel\":\"FULL\"}");
        Schema dropped = SchemaBuilder.record("Evolving").namespace("io.idcardstream.test").fields()
                .requiredString("id").endRecord();

        // When / Then: readers still on version 1 could not read records without n
        assertThatThrownBy(() -> client.register("it.full-value", dropped))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("The schema is incompatible with the subject's compatibility level; the registry refused "
                        + "registering schema io.idcardstream.test.Evolving under subject 'it.full-value' at "
                        + ccompat + " (HTTP 409, error_code 409: io.apicurio.registry.rules.RuleViolationException: "
                        + "Incompatible artifact: it.full-value [AVRO], num of incompatible diffs: {1}, list of "
                        + "diff types: [n at /fields/1])")
                .extracting(e -> ((SchemaRegistryException) e).reason()).isEqualTo(Reason.INCOMPATIBLE);
    }

    @Test
    void shouldReadASchemaThatAnotherProducerRegisteredWithReferences() throws Exception {
        // Given a shared type in its own subject and a schema registered with a reference to it
        Schema money = SchemaBuilder.record("Money").namespace("io.idcardstream.test").fields().requiredLong("cents")
                .endRecord();
        RestSchemaRegistry client = new RestSchemaRegistry(ccompat, REQUEST_TIMEOUT);
        client.register("it.money", money);
        String order = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"io.idcardstream.test\","
                + "\"fields\":[{\"name\":\"fee\",\"type\":\"io.idcardstream.test.Money\"}]}";
        String body = "{\"schema\":" + JSON.writeValueAsString(order)
                + ",\"references\":[{\"name\":\"io.idcardstream.test.Money\",\"subject\":\"it.money\","
                + "\"version\":1}]}";
        HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(URI.create(ccompat
                        + "/subjects/it.order-value/versions")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", RestSchemaRegistry.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        int id = JSON.readTree(registered.body()).get("id").intValue();

        // When a fresh client reads it by id, as a deserializer does
        Schema read = new RestSchemaRegistry(ccompat, REQUEST_TIMEOUT).byId(id);

        // Then the referenced type is resolved from its subject
        assertThat(read.getField("fee").schema()).isEqualTo(money);
    }

    private static String setCompatibility(String subject, String level) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ccompat + "/config/" + subject))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", RestSchemaRegistry.CONTENT_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
