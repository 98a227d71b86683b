package io.idcardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.serde.SchemaRegistryException.Reason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local Confluent-compatible server, with the REST client as its client. */
class LocalSchemaRegistryServerTest {
    private static final Schema FAILED = IdCardOcrFailed.getClassSchema();
    private static final Schema RECOGNIZED = IdentityRecognized.getClassSchema();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void shouldServeRegistrationLookupAndIdsToTheRestClient() {
        try (LocalSchemaRegistryServer server = LocalSchemaRegistryServer.start(new InMemorySchemaRegistry(), 0)) {
            // Given
            RestSchemaRegistry writer = new RestSchemaRegistry(server.baseUrl(), TIMEOUT);
            RestSchemaRegistry reader = new RestSchemaRegistry(server.baseUrl(), TIMEOUT);

            // When
            List<Integer> ids = List.of(writer.register("idcard.ocr.failed-value", FAILED),
                    writer.register("idcard.ocr.recognized-value", RECOGNIZED),
                    writer.register("idcard.ocr.recognized-value", FAILED),
                    reader.idOf("idcard.ocr.recognized-value", FAILED));

            // Then
            assertThat(ids).containsExactly(1, 2, 1, 1);
            assertThat(reader.byId(2)).isEqualTo(RECOGNIZED);
            assertThat(reader.byId(2).toString()).isEqualTo(RECOGNIZED.toString());
            assertThat(reader.latest("idcard.ocr.recognized-value"))
                    .isEqualTo(new RegisteredSchema("idcard.ocr.recognized-value", 2, 1, FAILED));
            assertThat(server.baseUrl().getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void shouldListSubjectsAndVersionsAsConfluentDoes() throws Exception {
        try (LocalSchemaRegistryServer server = LocalSchemaRegistryServer.start(new InMemorySchemaRegistry(), 0)) {
            // Given
            RestSchemaRegistry client = new RestSchemaRegistry(server.baseUrl(), TIMEOUT);
            client.register("b-value", FAILED);
            client.register("a-value", RECOGNIZED);
            client.register("a-value", FAILED);

            // When / Then
            assertThat(get(server, "/subjects")).isEqualTo("200 [\"a-value\",\"b-value\"]");
            assertThat(get(server, "/subjects/a-value/versions")).isEqualTo("200 [1,2]");
            assertThat(get(server, "/subjects/a-value/versions/2")).isEqualTo("200 {\"subject\":\"a-value\","
                    + "\"version\":2,\"id\":1,\"schema\":" + jsonString(FAILED.toString()) + "}");
            assertThat(get(server, "/subjects/a-value/versions/3")).isEqualTo("404 {\"error_code\":40402,"
                    + "\"message\":\"Version 3 not found.\"}");
            assertThat(get(server, "/subjects/c-value/versions")).isEqualTo("404 {\"error_code\":40401,"
                    + "\"message\":\"Subject 'c-value' not found.\"}");
            assertThat(get(server, "/schemas/ids/x")).isEqualTo("404 {\"error_code\":40403,"
                    + "\"message\":\"Schema not found\"}");
            assertThat(get(server, "/config")).isEqualTo("404 {\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
        }
    }

    @Test
    void shouldAnswerConfluentErrorsThatTheClientMaps() throws Exception {
        try (LocalSchemaRegistryServer server = LocalSchemaRegistryServer.start(new InMemorySchemaRegistry(), 0)) {
            // Given
            RestSchemaRegistry client = new RestSchemaRegistry(server.baseUrl(), TIMEOUT);
            client.register("a-value", FAILED);

            // When / Then
            assertThatThrownBy(() -> client.idOf("a-value", RECOGNIZED))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessage("Schema not found while looking up schema io.idcardstream.events.IdentityRecognized "
                            + "under subject 'a-value' at " + server.baseUrl()
                            + " (HTTP 404, error_code 40403: Schema not found)");
            assertThatThrownBy(() -> client.idOf("b-value", RECOGNIZED))
                    .hasMessage("Subject not found while looking up schema io.idcardstream.events.IdentityRecognized "
                            + "under subject 'b-value' at " + server.baseUrl()
                            + " (HTTP 404, error_code 40401: Subject 'b-value' not found.)");
            assertThatThrownBy(() -> client.byId(9))
                    .extracting(e -> ((SchemaRegistryException) e).reason()).isEqualTo(Reason.NOT_FOUND);
            assertThat(post(server, "/subjects/a-value/versions", "{\"schema\":\"{\\\"type\\\":\\\"record\\\"}\"}"))
                    .isEqualTo("422 {\"error_code\":42201,\"message\":\"Invalid schema: the body must be "
                            + "{\\\"schema\\\": \\\"<Avro schema JSON>\\\"} of at most 4194304 bytes, without "
                            + "references\"}");
        }
    }

    @Test
    void shouldServeTheSameIdsAfterARestart(@TempDir Path dataDir) {
        // Given a registry file written through the server
        try (LocalSchemaRegistryServer server = LocalSchemaRegistryServer.start(
                InMemorySchemaRegistry.persistentAt(dataDir), 0)) {
            RestSchemaRegistry client = new RestSchemaRegistry(server.baseUrl(), TIMEOUT);
            client.register("a-value", RECOGNIZED);
            client.register("b-value", FAILED);
        }

        // When the registry is served again from the same directory
        try (LocalSchemaRegistryServer server = LocalSchemaRegistryServer.start(
                InMemorySchemaRegistry.persistentAt(dataDir), 0)) {
            RestSchemaRegistry client = new RestSchemaRegistry(server.baseUrl(), TIMEOUT);

            // Then
            assertThat(List.of(client.byId(1), client.byId(2))).containsExactly(RECOGNIZED, FAILED);
            assertThat(client.register("b-value", FAILED)).isEqualTo(2);
        }
    }

    private static String get(LocalSchemaRegistryServer server, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET());
    }

    private static String post(LocalSchemaRegistryServer server, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", RestSchemaRegistry.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static String jsonString(String text) {
        return new com.fasterxml.jackson.databind.ObjectMapper().getNodeFactory().textNode(text).toString();
    }
}
