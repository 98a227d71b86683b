package io.idcardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.serde.RecordingHttpServer.Recorded;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaRegistriesTest {
    private static final Schema FAILED = IdCardOcrFailed.getClassSchema();
    private static final String SCHEMA_ANSWER = "{\"schema\":"
            + new ObjectMapper().getNodeFactory().textNode(FAILED.toString()) + "}";

    private RecordingHttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = RecordingHttpServer.start().answer("GET", "/schemas/ids/1", 200, SCHEMA_ANSWER);
    }

    @AfterEach
    void stopServer() {
        server.close();
        SchemaRegistries.dropMockScope("registries-test-a");
        SchemaRegistries.dropMockScope("registries-test-b");
    }

    @Test
    void shouldShareOneInMemoryRegistryPerMockScope() {
        // Given
        SchemaRegistry a = SchemaRegistries.fromConfig(Map.of("schema.registry.url", "mock://registries-test-a"));

        // When
        SchemaRegistry sameScope = SchemaRegistries.fromConfig(Map.of("schema.registry.url",
                " mock://registries-test-a "));
        SchemaRegistry otherScope = SchemaRegistries.fromConfig(Map.of("schema.registry.url",
                "mock://registries-test-b"));
        SchemaRegistries.dropMockScope("registries-test-a");
        SchemaRegistry afterDrop = SchemaRegistries.fromConfig(Map.of("schema.registry.url",
                "mock://registries-test-a"));

        // Then
        assertThat(a).isInstanceOf(InMemorySchemaRegistry.class).isSameAs(sameScope);
        assertThat(otherScope).isNotSameAs(a);
        assertThat(afterDrop).isNotSameAs(a).isSameAs(SchemaRegistries.mockScope("registries-test-a"));
    }

    @Test
    void shouldBuildARestClientWithUserInfoAndTimeout() {
        // Given
        Map<String, Object> configs = new HashMap<>();
        configs.put("schema.registry.url", server.url("").toString());
        configs.put("basic.auth.credentials.source", "USER_INFO");
        configs.put("basic.auth.user.info", new Password("svc:secret"));
        configs.put("schema.registry.request.timeout.ms", 2000);
        configs.put("bootstrap.servers", "ignored:9092");

        // When
        SchemaRegistry registry = SchemaRegistries.fromConfig(configs);

        // Then
        assertThat(registry).isInstanceOf(RestSchemaRegistry.class);
        assertThat(registry.byId(1)).isEqualTo(FAILED);
        assertThat(server.requests()).extracting(Recorded::authorization).containsExactly("Basic c3ZjOnNlY3JldA==");
    }

    @Test
    void shouldSendAStaticBearerTokenInsteadOfBasicCredentials() {
        // Given Confluent's bearer settings
        SchemaRegistry registry = SchemaRegistries.fromConfig(Map.of("schema.registry.url", server.url("").toString(),
                "bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", new Password("eyJ.tok-en")));

        // When
        registry.byId(1);

        // Then
        assertThat(server.requests()).extracting(Recorded::authorization).containsExactly("Bearer eyJ.tok-en");
    }

    @Test
    void shouldRefuseBearerSettingsThatContradictEachOtherWithoutQuotingTheToken() {
        String url = server.url("").toString();
        assertThatThrownBy(() -> SchemaRegistries.fromConfig(Map.of("schema.registry.url", url,
                "bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "TopSecretToken",
                "basic.auth.user.info", "svc:TopSecret")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("The schema registry credentials are set twice: basic (user info) and bearer "
                        + "(bearer.auth.token); keep one");
        assertThatThrownBy(() -> SchemaRegistries.fromConfig(Map.of("schema.registry.url", url,
                "bearer.auth.token", "TopSecretToken")))
                .hasMessage("bearer.auth.token is set: also set bearer.auth.credentials.source=STATIC_TOKEN");
        assertThatThrownBy(() -> SchemaRegistries.fromConfig(Map.of("schema.registry.url", url,
                "bearer.auth.credentials.source", "STATIC_TOKEN")))
                .hasMessage("bearer.auth.token is empty although bearer.auth.credentials.source=STATIC_TOKEN");
        assertThatThrownBy(() -> SchemaRegistries.fromConfig(Map.of("schema.registry.url", url,
                "bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "Top Secret")))
                .hasMessage("Invalid schema registry settings: the bearer token must be non-empty printable ASCII "
                        + "without spaces");
    }

    @Test
    void shouldNameAMissingTrustStoreSetting() {
        assertThatThrownBy(() -> SchemaRegistries.fromConfig(Map.of("schema.registry.url", "https://registry:8081",
                "schema.registry.ssl.truststore.location", "/nonexistent/truststore.p12",
                "schema.registry.ssl.truststore.password", "TopSecret")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("schema.registry.ssl.truststore.location=/nonexistent/truststore.p12 cannot be read as a "
                        + "PKCS12 store: NoSuchFileException: /nonexistent/truststore.p12");
    }

    @Test
    void shouldPreferTheOlderPrefixedUserInfoKeyAsConfluentDoes() {
        // Given
        Map<String, Object> configs = Map.of("schema.registry.url", server.url("").toString(),
                "basic.auth.user.info", "svc:secret", "schema.registry.basic.auth.user.info", "other:word");

        // When
        SchemaRegistries.fromConfig(configs).byId(1);

        // Then
        assertThat(server.requests()).extracting(Recorded::authorization).containsExactly("Basic b3RoZXI6d29yZA==");
    }

    @Test
    void shouldTakeCredentialsFromTheUrlWhenTheSourceIsUrl() {
        // Given
        URI url = server.url("");
        Map<String, Object> configs = Map.of("basic.auth.credentials.source", "URL", "schema.registry.url",
                "http://svc:secret@127.0.0.1:" + url.getPort());

        // When
        SchemaRegistry registry = SchemaRegistries.fromConfig(configs);
        registry.byId(1);

        // Then
        assertThat(registry).hasToString("schema registry at " + url);
        assertThat(server.requests()).extracting(Recorded::authorization).containsExactly("Basic c3ZjOnNlY3JldA==");
    }

    @Test
    void shouldFailOverBetweenCommaSeparatedUrls() throws Exception {
        // Given
        URI dead = RestSchemaRegistryTest.deadUrl();

        // When
        SchemaRegistry registry = SchemaRegistries.fromConfig(Map.of("schema.registry.url",
                dead + " , " + server.url("")));

        // Then
        assertThat(registry.byId(1)).isEqualTo(FAILED);
        assertThat(registry).hasToString("schema registry at " + dead + "," + server.url(""));
    }

    @Test
    void shouldExplainBadSettingsWithoutQuotingCredentials() {
        assertThatThrownBy(() -> SchemaRegistries.fromConfig(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Missing schema.registry.url: set it to the schema registry's http(s):// URL, or "
                        + "mock://<scope> for an in-memory registry");
        assertThatThrownBy(() -> SchemaRegistries.fromConfig(Map.of("schema.registry.url",
                "http://svc:TopSecret@registry:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("schema.registry.url carries credentials; move them to basic.auth.user.info or set "
                        + "basic.auth.credentials.source=URL");
        assertThatThrownBy(() -> SchemaRegistries.fromConfig(Map.of("schema.registry.url", "mock://")))
                .hasMessage("schema.registry.url must be a single mock://<scope> with a non-empty scope when it "
                        + "uses mock://");
        assertThatThrownBy(() -> SchemaRegistries.fromConfig(Map.of("schema.registry.url",
                "mock://a,http://registry:8081")))
                .hasMessage("schema.registry.url must be a single mock://<scope> with a non-empty scope when it "
                        + "uses mock://");
        assertThatThrownBy(() -> SchemaRegistries.fromConfig(Map.of("schema.registry.url", "registry:8081")))
                .hasMessage("Invalid schema.registry.url entry: expected http(s)://host[:port][/path] or "
                        + "mock://<scope>");
        assertThatThrownBy(() -> SchemaRegistries.fromConfig(Map.of("schema.registry.url", "http://registry",
                "basic.auth.user.info", "TopSecret")))
                .hasMessage("Invalid schema registry settings: basic auth user info must be user:password with a "
                        + "non-empty user");
        assertThatThrownBy(() -> SchemaRegistries.fromConfig(Map.of("schema.registry.url", "http://registry",
                "basic.auth.credentials.source", "SASL_INHERIT")))
                .hasMessage("Invalid value SASL_INHERIT for configuration basic.auth.credentials.source: String must "
                        + "be one of: USER_INFO, URL");
    }
}
