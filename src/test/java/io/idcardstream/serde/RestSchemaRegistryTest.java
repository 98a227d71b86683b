package io.idcardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.serde.RecordingHttpServer.Recorded;
import io.idcardstream.serde.SchemaRegistryException.Reason;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema FAILED = IdCardOcrFailed.getClassSchema();
    private static final Schema RECOGNIZED = IdentityRecognized.getClassSchema();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private RecordingHttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = RecordingHttpServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void shouldRegisterWithConfluentsRequestUnderTheBasePath() throws Exception {
        // Given a registry at a base path, written with a trailing slash
        server.answer("POST", "/apis/ccompat/v7/subjects/idcard.ocr.failed-value/versions", 200, "{\"id\":7}");
        RestSchemaRegistry registry = new RestSchemaRegistry(server.url("/apis/ccompat/v7/"), TIMEOUT);

        // When
        int id = registry.register("idcard.ocr.failed-value", FAILED);

        // Then
        assertThat(id).isEqualTo(7);
        List<Recorded> requests = server.requests();
        assertThat(requests).extracting(Recorded::method, Recorded::rawPath, Recorded::contentType,
                Recorded::authorization).containsExactly(org.assertj.core.groups.Tuple.tuple("POST",
                        "/apis/ccompat/v7/subjects/idcard.ocr.failed-value/versions", CONTENT_TYPE, null));
        assertThat(JSON.readTree(requests.get(0).body()))
                .isEqualTo(JSON.createObjectNode().put("schema", FAILED.toString()));
    }

    @Test
    void shouldMakeOneHttpCallPerSubjectSchemaAndId() {
        // Given
        server.answer("POST", "/subjects/a-value/versions", 200, "{\"id\":7}")
                .answer("POST", "/subjects/b-value", 200, "{\"subject\":\"b-value\",\"version\":1,\"id\":8,"
                        + "\"schema\":" + quoted(RECOGNIZED) + "}")
                .answer("GET", "/schemas/ids/9", 200, "{\"schema\":" + quoted(RECOGNIZED) + "}");
        RestSchemaRegistry registry = new RestSchemaRegistry(server.url(""), TIMEOUT);

        // When each operation is repeated
        List<Object> answers = List.of(
                registry.register("a-value", FAILED), registry.register("a-value", FAILED),
                registry.idOf("a-value", FAILED), registry.byId(7),
                registry.idOf("b-value", RECOGNIZED), registry.idOf("b-value", RECOGNIZED),
                registry.register("b-value", RECOGNIZED),
                registry.byId(9), registry.byId(9));

        // Then the answers are consistent and each was fetched once
        assertThat(answers).containsExactly(7, 7, 7, FAILED, 8, 8, 8, RECOGNIZED, RECOGNIZED);
        assertThat(server.requests()).extracting(r -> r.method() + " " + r.rawPath()).containsExactly(
                "POST /subjects/a-value/versions", "POST /subjects/b-value", "GET /schemas/ids/9");
    }

    @Test
    void shouldSendBasicAuthenticationOnEveryRequest() {
        // Given
        server.answer("GET", "/schemas/ids/3", 200, "{\"schema\":" + quoted(FAILED) + "}")
                .answer("POST", "/subjects/s-value/versions", 200, "{\"id\":3}");
        RestSchemaRegistry registry = new RestSchemaRegistry(List.of(server.url("")), "svc-idcard:pa:ss word",
                TIMEOUT);

        // When
        registry.byId(3);
        registry.register("s-value", RECOGNIZED);

        // Then: base64("svc-idcard:pa:ss word")
        assertThat(server.requests()).extracting(Recorded::authorization)
                .containsExactly("Basic c3ZjLWlkY2FyZDpwYTpzcyB3b3Jk", "Basic c3ZjLWlkY2FyZDpwYTpzcyB3b3Jk");
    }

    @Test
    void shouldReadAndSetASubjectsCompatibilityLevel() {
        // Given one subject with its own level and one without (the registry's global level applies)
        server.answer("GET", "/config/own-value", 200, "{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}")
                .answer("GET", "/config/global-value", 404, "{\"error_code\":40408,\"message\":\"Subject "
                        + "'global-value' does not have subject-level compatibility configured\"}")
                .answer("PUT", "/config/global-value", 200, "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
        RestSchemaRegistry registry = new RestSchemaRegistry(server.url(""), TIMEOUT);

        // When
        Optional<String> own = registry.compatibility("own-value");
        Optional<String> global = registry.compatibility("global-value");
        registry.setCompatibility("global-value", "BACKWARD_TRANSITIVE");

        // Then
        assertThat(own).contains("FULL_TRANSITIVE");
        assertThat(global).isEmpty();
        assertThat(server.requests()).last().extracting(Recorded::method, Recorded::body)
                .containsExactly("PUT", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
    }

    @Test
    void shouldEncodeTheSubjectInThePath() {
        // Given
        server.answer("POST", "/subjects/odd%20topic%2F1%2Bx-value/versions", 200, "{\"id\":1}");
        RestSchemaRegistry registry = new RestSchemaRegistry(server.url(""), TIMEOUT);

        // When
        int id = registry.register("odd topic/1+x-value", FAILED);

        // Then
        assertThat(id).isEqualTo(1);
    }

    @Test
    void shouldResolveSchemaReferencesToOtherSubjectsDependenciesFirst() {
        // Given a schema whose field types live in other subjects (Confluent schema references), one of which
        // refers to a third
        Schema money = SchemaBuilder.record("Money").namespace("io.example").fields().requiredLong("cents")
                .endRecord();
        String priceText = "{\"type\":\"record\",\"name\":\"Price\",\"namespace\":\"io.example\",\"fields\":"
                + "[{\"name\":\"amount\",\"type\":\"io.example.Money\"}]}";
        String orderText = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"io.example\",\"fields\":"
                + "[{\"name\":\"price\",\"type\":\"io.example.Price\"},"
                + "{\"name\":\"fee\",\"type\":\"io.example.Money\"}]}";
        server.answer("GET", "/schemas/ids/12", 200, "{\"schema\":" + quoted(orderText) + ",\"references\":["
                        + "{\"name\":\"io.example.Price\",\"subject\":\"price\",\"version\":2},"
                        + "{\"name\":\"io.example.Money\",\"subject\":\"money\",\"version\":1}]}")
                .answer("GET", "/subjects/price/versions/2", 200, "{\"subject\":\"price\",\"version\":2,\"id\":8,"
                        + "\"schema\":" + quoted(priceText) + ",\"references\":[{\"name\":\"io.example.Money\","
                        + "\"subject\":\"money\",\"version\":1}]}")
                .answer("GET", "/subjects/money/versions/1", 200, "{\"subject\":\"money\",\"version\":1,\"id\":7,"
                        + "\"schema\":" + quoted(money.toString()) + "}");
        RestSchemaRegistry registry = new RestSchemaRegistry(server.url(""), TIMEOUT);

        // When
        Schema order = registry.byId(12);

        // Then every named type is resolved, and the shared one was fetched once
        assertThat(order.getField("price").schema().getField("amount").schema()).isEqualTo(money);
        assertThat(order.getField("fee").schema()).isEqualTo(money);
        assertThat(server.requests()).extracting(Recorded::rawPath).containsExactly("/schemas/ids/12",
                "/subjects/price/versions/2", "/subjects/money/versions/1");
    }

    @Test
    void shouldKeepTheFirstDefinitionOfATypeReachedThroughTwoVersions() {
        // Given a diamond: Order refers to Money v2 directly and through Price, which refers to Money v1
        String moneyV1 = "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"io.example\",\"fields\":"
                + "[{\"name\":\"cents\",\"type\":\"long\"}]}";
        String moneyV2 = "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"io.example\",\"fields\":"
                + "[{\"name\":\"cents\",\"type\":\"long\"},{\"name\":\"currency\",\"type\":\"string\","
                + "\"default\":\"CNY\"}]}";
        String priceText = "{\"type\":\"record\",\"name\":\"Price\",\"namespace\":\"io.example\",\"fields\":"
                + "[{\"name\":\"amount\",\"type\":\"io.example.Money\"}]}";
        String orderText = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"io.example\",\"fields\":"
                + "[{\"name\":\"fee\",\"type\":\"io.example.Money\"},"
                + "{\"name\":\"price\",\"type\":\"io.example.Price\"}]}";
        server.answer("GET", "/schemas/ids/14", 200, "{\"schema\":" + quoted(orderText) + ",\"references\":["
                        + "{\"name\":\"io.example.Money\",\"subject\":\"money\",\"version\":2},"
                        + "{\"name\":\"io.example.Price\",\"subject\":\"price\",\"version\":1}]}")
                .answer("GET", "/subjects/money/versions/2", 200, "{\"schema\":" + quoted(moneyV2) + "}")
                .answer("GET", "/subjects/price/versions/1", 200, "{\"schema\":" + quoted(priceText)
                        + ",\"references\":[{\"name\":\"io.example.Money\",\"subject\":\"money\",\"version\":1}]}")
                .answer("GET", "/subjects/money/versions/1", 200, "{\"schema\":" + quoted(moneyV1) + "}");
        RestSchemaRegistry registry = new RestSchemaRegistry(server.url(""), TIMEOUT);

        // When
        Schema order = registry.byId(14);

        // Then Money is defined once, by the first reference met, and v1 is never fetched
        assertThat(order.getField("price").schema().getField("amount").schema().getField("currency")).isNotNull();
        assertThat(server.requests()).extracting(Recorded::rawPath).doesNotContain("/subjects/money/versions/1");
    }

    @Test
    void shouldRefuseAReferenceWithoutSubjectAndVersion() {
        server.answer("GET", "/schemas/ids/13", 200, "{\"schema\":" + quoted(FAILED) + ",\"references\":"
                + "[{\"name\":\"io.example.Money\"}]}");
        RestSchemaRegistry registry = new RestSchemaRegistry(server.url(""), TIMEOUT);

        assertThatThrownBy(() -> registry.byId(13)).isInstanceOf(SchemaRegistryException.class)
                .hasMessage("The schema registry returned a schema reference without subject and version while "
                        + "fetching schema id 13")
                .extracting(e -> ((SchemaRegistryException) e).reason()).isEqualTo(Reason.PROTOCOL);
    }

    @Test
    void shouldReadTheLatestVersionUncached() {
        // Given
        server.answer("GET", "/subjects/s-value/versions/latest", 200, "{\"subject\":\"s-value\",\"version\":3,"
                + "\"id\":11,\"schema\":" + quoted(FAILED) + ",\"schemaType\":\"AVRO\",\"references\":[]}");
        RestSchemaRegistry registry = new RestSchemaRegistry(server.url(""), TIMEOUT);

        // When
        RegisteredSchema first = registry.latest("s-value");
        RegisteredSchema second = registry.latest("s-value");

        // Then
        assertThat(List.of(first, second)).containsOnly(new RegisteredSchema("s-value", 3, 11, FAILED));
        assertThat(registry.byId(11)).isEqualTo(FAILED);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void shouldNameSubjectAndUrlWhenTheSubjectIsUnknown() {
        // Given
        server.answer("POST", "/subjects/s-value", 404, "{\"error_code\":40401,\"message\":\"Subject 's-value' "
                + "not found.\"}");
        RestSchemaRegistry registry = new RestSchemaRegistry(server.url(""), TIMEOUT);

        // When / Then
        assertThatThrownBy(() -> registry.idOf("s-value", FAILED))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("Subject not found while looking up schema io.idcardstream.events.IdCardOcrFailed under "
                        + "subject 's-value' at " + server.url("") + " (HTTP 404, error_code 40401: Subject 's-value' "
                        + "not found.)")
                .extracting(e -> ((SchemaRegistryException) e).reason()).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void shouldNameTheIdWhenTheSchemaIsUnknown() {
        // Given
        server.answer("GET", "/schemas/ids/9", 404, "{\"error_code\":40403,\"message\":\"Schema 9 not found\"}");
        RestSchemaRegistry registry = new RestSchemaRegistry(server.url(""), TIMEOUT);

        // When / Then
        assertThatThrownBy(() -> registry.byId(9))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("Schema not found while fetching schema id 9 at " + server.url("")
                        + " (HTTP 404, error_code 40403: Schema 9 not found)");
    }

    @Test
    void shouldReportAnIncompatibleSchema() {
        // Given
        server.answer("POST", "/subjects/s-value/versions", 409, "{\"error_code\":409,\"message\":\"Schema being "
                + "registered is incompatible with an earlier schema for subject \\\"s-value\\\"\"}");
        RestSchemaRegistry registry = new RestSchemaRegistry(server.url(""), TIMEOUT);

        // When / Then
        assertThatThrownBy(() -> registry.register("s-value", FAILED))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("The schema is incompatible with the subject's compatibility level; the registry refused "
                        + "registering schema io.idcardstream.events.IdCardOcrFailed under subject 's-value' at "
                        + server.url("") + " (HTTP 409, error_code 409: Schema being registered is incompatible with "
                        + "an earlier schema for subject \"s-value\")")
                .extracting(e -> ((SchemaRegistryException) e).reason()).isEqualTo(Reason.INCOMPATIBLE);
    }

    @Test
    void shouldReportRefusedCredentialsWithoutQuotingThem() {
        // Given
        server.answer("GET", "/schemas/ids/1", 401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
        RestSchemaRegistry registry = new RestSchemaRegistry(List.of(server.url("")), "svc:TopSecret", TIMEOUT);

        // When / Then
        assertThatThrownBy(() -> registry.byId(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("The schema registry refused the credentials while fetching schema id 1 at "
                        + server.url("") + " (HTTP 401, error_code 401: Unauthorized); check basic.auth.user.info")
                .extracting(e -> ((SchemaRegistryException) e).reason()).isEqualTo(Reason.UNAUTHORIZED);
    }

    @Test
    void shouldClassifyOtherStatusesAndMalformedAnswers() {
        // Given
        server.answer("GET", "/schemas/ids/1", 403, "")
                .answer("POST", "/subjects/s-value/versions", 422, "{\"error_code\":42201,\"message\":\"Invalid "
                        + "schema\"}")
                .answer("GET", "/schemas/ids/2", 503, "<html>down</html>")
                .answer("GET", "/schemas/ids/3", 200, "<html>login</html>")
                .answer("GET", "/schemas/ids/4", 200, "{\"schema\":\"syntax = \\\"proto3\\\";\","
                        + "\"schemaType\":\"PROTOBUF\"}")
                .answer("GET", "/schemas/ids/5", 200, "{\"schema\":\"{\\\"type\\\":\\\"record\\\"}\"}");
        RestSchemaRegistry registry = new RestSchemaRegistry(server.url(""), TIMEOUT);
        String at = " at " + server.url("");

        // When / Then
        assertFailure(() -> registry.byId(1), Reason.UNAUTHORIZED,
                "The schema registry forbade fetching schema id 1" + at + " (HTTP 403)");
        assertFailure(() -> registry.register("s-value", FAILED), Reason.INVALID_SCHEMA,
                "The schema registry rejected the schema as invalid while registering schema "
                        + "io.idcardstream.events.IdCardOcrFailed under subject 's-value'" + at
                        + " (HTTP 422, error_code 42201: Invalid schema)");
        assertFailure(() -> registry.byId(2), Reason.UNAVAILABLE,
                "The schema registry failed while fetching schema id 2" + at + " (HTTP 503)");
        assertFailure(() -> registry.byId(3), Reason.PROTOCOL,
                "The answer of the schema registry" + at + " is not a JSON object while fetching schema id 3");
        assertFailure(() -> registry.byId(4), Reason.PROTOCOL,
                "The answer of the schema registry" + at + " holds a PROTOBUF schema, not an Avro one while "
                        + "fetching schema id 4");
        assertFailure(() -> registry.byId(5), Reason.PROTOCOL,
                "The schema registry" + at + " returned a schema that does not parse while fetching schema id 5: "
                        + "No name in schema: {\"type\":\"record\"}");
    }

    @Test
    void shouldGiveUpAtTheDeadlineWhenTheRegistryDoesNotAnswer() {
        // Given
        server.stall("GET", "/schemas/ids/1");
        RestSchemaRegistry registry = new RestSchemaRegistry(server.url(""), Duration.ofMillis(300));

        // When / Then
        assertFailure(() -> registry.byId(1), Reason.UNAVAILABLE,
                "No schema registry answered while fetching schema id 1: " + server.url("")
                        + " (no answer within 300 ms)");
    }

    @Test
    void shouldFailOverToTheNextUrlAndStayThere() throws Exception {
        // Given a first URL where nothing listens
        URI dead = deadUrl();
        server.answer("GET", "/schemas/ids/1", 200, "{\"schema\":" + quoted(FAILED) + "}")
                .answer("GET", "/schemas/ids/2", 200, "{\"schema\":" + quoted(RECOGNIZED) + "}");
        RestSchemaRegistry registry = new RestSchemaRegistry(List.of(dead, server.url("")), null, TIMEOUT);

        // When
        List<Schema> schemas = List.of(registry.byId(1), registry.byId(2));

        // Then
        assertThat(schemas).containsExactly(FAILED, RECOGNIZED);
        assertThat(server.requests()).hasSize(2);
        assertFailure(() -> new RestSchemaRegistry(List.of(dead), null, TIMEOUT).byId(1), Reason.UNAVAILABLE,
                "No schema registry answered while fetching schema id 1: " + dead + " (ConnectException)");
    }

    @Test
    void shouldRefuseBadUrlsAndUserInfoWithoutQuotingCredentials() {
        assertThatThrownBy(() -> new RestSchemaRegistry(URI.create("http://svc:TopSecret@registry:8081"), TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schema registry URL must not carry credentials; pass them as basic auth user info");
        assertThatThrownBy(() -> new RestSchemaRegistry(URI.create("ftp://registry"), TIMEOUT))
                .hasMessage("schema registry URL must be http or https, was scheme ftp");
        assertThatThrownBy(() -> new RestSchemaRegistry(List.of(server.url("")), "TopSecret", TIMEOUT))
                .hasMessage("basic auth user info must be user:password with a non-empty user");
        assertThatThrownBy(() -> new RestSchemaRegistry(List.of(), null, TIMEOUT))
                .hasMessage("baseUrls must name at least one registry URL, was empty");
        assertThatThrownBy(() -> new RestSchemaRegistry(server.url(""), Duration.ZERO))
                .hasMessage("requestTimeout must be positive, was PT0S");
    }

    private static void assertFailure(Runnable call, Reason reason, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage(message)
                .extracting(e -> ((SchemaRegistryException) e).reason()).isEqualTo(reason);
    }

    private static String quoted(Schema schema) {
        return quoted(schema.toString());
    }

    private static String quoted(String text) {
        return JSON.getNodeFactory().textNode(text).toString();
    }

    static URI deadUrl() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
