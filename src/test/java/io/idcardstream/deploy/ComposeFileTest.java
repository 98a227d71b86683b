package io.idcardstream.deploy;

import static io.idcardstream.deploy.DeploymentFiles.map;
import static io.idcardstream.deploy.DeploymentFiles.scalar;
import static io.idcardstream.deploy.DeploymentFiles.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.config.ConfigLoader;
import io.idcardstream.config.IdCardStreamConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ComposeFileTest {
    /** Variables of idcard-stream containers that are not settings: the Tencent SDK's credential names. */
    static final Set<String> OTHER_APPLICATION_VARIABLES =
            Set.of("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "JAVA_TOOL_OPTIONS");

    private final Compose compose = Compose.read();
    private final ConfigKeyRule rule = ConfigKeyRule.ofApplication();

    @Test
    void shouldDefineTheBrokerTopicJobRegistrySchemaJobServeWorkerAndPrometheus() {
        assertThat(compose.services().keySet())
                .containsExactly("kafka", "topics", "registry", "schemas", "serve", "worker", "prometheus");
    }

    @Test
    void shouldGiveIdCardStreamContainersOnlyRealSettings() {
        for (String service : List.of("serve", "worker")) {
            Map<String, String> environment = compose.environment(service);

            assertThat(rule.unknownVariables(environment.keySet())).as(service).isEmpty();
            assertThat(environment.keySet()).as(service)
                    .allMatch(name -> name.startsWith(ConfigKeyRule.VARIABLE_PREFIX)
                            || OTHER_APPLICATION_VARIABLES.contains(name));
        }
    }

    @Test
    void shouldConfigureTheWorkerForTheComposeServices() {
        // Given the worker's environment, loaded as the application loads it
        IdCardStreamConfig config = ConfigLoader.load(null, compose.environment("worker"), Map.of());

        // Then it reaches the broker's container listener, the registry's Confluent API and serves ops to others
        Map<String, Object> values = new TreeMap<>();
        for (String key : List.of(IdCardStreamConfig.BOOTSTRAP_SERVERS_CONFIG,
                IdCardStreamConfig.SCHEMA_REGISTRY_URL_CONFIG, IdCardStreamConfig.OCR_PROVIDER_CONFIG,
                IdCardStreamConfig.OPS_HOST_CONFIG, IdCardStreamConfig.OPS_PORT_CONFIG,
                IdCardStreamConfig.REPLICATION_FACTOR_CONFIG, IdCardStreamConfig.STATE_DIR_CONFIG,
                IdCardStreamConfig.APPLICATION_ID_CONFIG, IdCardStreamConfig.PROCESSING_GUARANTEE_CONFIG)) {
            values.put(key, config.values().get(key));
        }
        assertThat(values).isEqualTo(new TreeMap<>(Map.of(
                "bootstrap.servers", List.of("kafka:29092"),
                "schema.registry.url", "http://registry:8080/apis/ccompat/v7",
                "ocr.provider", "local",
                "ops.host", "0.0.0.0",
                "ops.port", 9400,
                "replication.factor", 1,
                "state.dir", "/var/lib/idcard-stream/state",
                "application.id", "idcard-stream",
                "processing.guarantee", "exactly_once_v2")));
        // And leaves the producer's record size to the worker, which fits it to the topics at startup
        assertThat(config.kafkaOverrides()).isEmpty();
    }

    @Test
    void shouldServeTheApiOnPort8080ForOtherContainers() {
        IdCardStreamConfig config = ConfigLoader.load(null, compose.environment("serve"), Map.of());

        assertThat(config.getString(IdCardStreamConfig.SERVER_HOST_CONFIG)).isEqualTo("0.0.0.0");
        assertThat(config.getInt(IdCardStreamConfig.SERVER_PORT_CONFIG)).isEqualTo(8080);
        assertThat(config.getString(IdCardStreamConfig.SERVER_KEYS_FILE_CONFIG))
                .isEqualTo("/var/lib/idcard-stream/keys/serve-keys.properties");
        assertThat(strings(compose.service("serve"), "volumes"))
                .containsExactly("serve-keys:/var/lib/idcard-stream/keys");
        assertThat(strings(compose.service("serve"), "ports")).containsExactly("127.0.0.1:8080:8080");
    }

    @Test
    void shouldRunTheWorkerAndServeCommandsFromTheProjectImage() {
        assertThat(strings(compose.service("worker"), "command")).containsExactly("run");
        assertThat(strings(compose.service("serve"), "command")).containsExactly("serve");
        for (String service : List.of("serve", "worker")) {
            assertThat(scalar(compose.service(service), "image")).as(service).isEqualTo("idcard-stream:0.1.0");
            assertThat(scalar(compose.service(service), "build")).as(service).isEqualTo(".");
        }
    }

    @Test
    void shouldPinEveryImageToAVersion() {
        Map<String, String> images = new TreeMap<>();
        compose.services().forEach((name, service) -> images.put(name, scalar(service, "image")));

        assertThat(images).isEqualTo(new TreeMap<>(Map.of(
                "kafka", "apache/kafka:4.4.0",
                "topics", "apache/kafka:4.4.0",
                "registry", "apicurio/apicurio-registry:3.0.9",
                "schemas", "idcard-stream:0.1.0",
                "serve", "idcard-stream:0.1.0",
                "worker", "idcard-stream:0.1.0",
                "prometheus", "prom/prometheus:v3.5.0")));
        assertThat(images.values()).allSatisfy(image -> assertThat(Images.isPinned(image)).as(image).isTrue());
    }

    @Test
    void shouldRunTheBrokerAsOneKraftNodeThatSupportsTransactions() {
        Map<String, String> kafka = compose.environment("kafka");

        assertThat(kafka).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093")
                .containsEntry("KAFKA_ADVERTISED_LISTENERS", "DOCKER://kafka:29092,HOST://127.0.0.1:9092")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(kafka.get("CLUSTER_ID")).hasSize(22);
        assertThat(Integer.parseInt(kafka.get("KAFKA_MESSAGE_MAX_BYTES")))
                .isEqualTo(TopicScript.read().maxMessageBytes());
    }

    @Test
    void shouldCreateTheConfiguredTopicsWithRoomForInlineImages() {
        // Given the topic job and the script it runs
        Map<String, Object> topics = compose.service("topics");
        TopicScript script = TopicScript.read();
        Map<String, Object> defaults = IdCardStreamConfig.definition().defaultValues();

        // Then it creates exactly the topics the application uses by default
        assertThat(strings(topics, "entrypoint")).containsExactly("/bin/bash", "/opt/idcard-stream/create-topics.sh");
        assertThat(strings(topics, "volumes"))
                .containsExactly("./deploy/kafka/create-topics.sh:/opt/idcard-stream/create-topics.sh:ro");
        assertThat(compose.environment("topics")).containsEntry("BOOTSTRAP_SERVERS", "kafka:29092");
        assertThat(script.topics().keySet()).containsExactlyInAnyOrder(
                (String) defaults.get(IdCardStreamConfig.TOPIC_REQUESTS_CONFIG),
                (String) defaults.get(IdCardStreamConfig.TOPIC_RECOGNIZED_CONFIG),
                (String) defaults.get(IdCardStreamConfig.TOPIC_FAILED_CONFIG),
                (String) defaults.get(IdCardStreamConfig.TOPIC_DLQ_CONFIG),
                (String) defaults.get(IdCardStreamConfig.TOPIC_ASSEMBLED_CONFIG),
                (String) defaults.get(IdCardStreamConfig.TOPIC_INCOMPLETE_CONFIG));
        assertThat(script.topic("idcard.ocr.requests").partitions()).isEqualTo(12);
        // And a record holds the largest inline image plus the event around it
        int inlineMax = (Integer) defaults.get(IdCardStreamConfig.IMAGE_INLINE_MAX_BYTES_CONFIG);
        assertThat(script.maxMessageBytes()).isGreaterThanOrEqualTo(inlineMax + 64 * 1024);
        assertThat(script.topics().values()).allSatisfy(topic -> assertThat(topic.retentionMs()).isPositive());
    }

    @Test
    void shouldStartTheWorkerOnlyWhenBrokerTopicsAndSchemasAreReady() {
        Map<String, String> conditions = new TreeMap<>();
        map(compose.service("worker"), "depends_on")
                .forEach((service, condition) -> conditions.put(service, scalar(condition, "condition")));

        assertThat(conditions).isEqualTo(new TreeMap<>(Map.of(
                "kafka", "service_healthy",
                "topics", "service_completed_successfully",
                "schemas", "service_completed_successfully")));
        assertThat(scalar(compose.service("topics"), "depends_on", "kafka", "condition"))
                .isEqualTo("service_healthy");
        assertThat(scalar(compose.service("schemas"), "depends_on", "registry", "condition"))
                .isEqualTo("service_healthy");
    }

    @Test
    void shouldHealthCheckAndRestartEveryLongRunningService() {
        Map<String, String> restart = new TreeMap<>();
        Map<String, Boolean> healthChecked = new TreeMap<>();
        compose.services().forEach((name, service) -> {
            restart.put(name, scalar(service, "restart"));
            healthChecked.put(name, DeploymentFiles.has(service, "healthcheck", "test"));
        });

        assertThat(restart).isEqualTo(new TreeMap<>(Map.of("kafka", "unless-stopped", "topics", "no",
                "registry", "unless-stopped", "schemas", "no", "serve", "unless-stopped", "worker", "unless-stopped",
                "prometheus", "unless-stopped")));
        assertThat(healthChecked).isEqualTo(new TreeMap<>(Map.of("kafka", true, "topics", false, "registry", true,
                "schemas", false, "serve", true, "worker", true, "prometheus", true)));
    }

    @Test
    void shouldProbeReadinessOnThePortsTheApplicationIsGiven() {
        String opsPort = compose.environment("worker").get("IDCARD_OPS_PORT");
        String serverPort = compose.environment("serve").get("IDCARD_SERVER_PORT");

        assertThat(strings(compose.service("worker"), "healthcheck", "test"))
                .containsExactly("CMD", "curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:" + opsPort + "/readyz");
        assertThat(strings(compose.service("serve"), "healthcheck", "test")).containsExactly("CMD", "curl", "-fsS",
                "-o", "/dev/null", "http://127.0.0.1:" + serverPort + "/readyz");
    }

    @Test
    void shouldKeepTheRegistrysSchemasOnAVolumeAndUseItsConfluentCompatibleApi() {
        Map<String, String> registry = compose.environment("registry");
        String url = compose.environment("worker").get("IDCARD_SCHEMA_REGISTRY_URL");

        // Schema ids must outlive a registry restart as the records carrying them outlive a broker restart
        assertThat(registry).isEqualTo(Map.of("APICURIO_STORAGE_KIND", "sql", "APICURIO_STORAGE_SQL_KIND", "h2",
                "APICURIO_DATASOURCE_URL", "jdbc:h2:file:/tmp/apicurio-registry"));
        assertThat(strings(compose.service("registry"), "volumes")).containsExactly("registry-data:/tmp");
        assertThat(map(compose.root(), "volumes")).containsKey("registry-data");
        assertThat(url).isEqualTo("http://registry:8080/apis/ccompat/v7");
        assertThat(compose.environment("schemas").get("IDCARD_SCHEMA_REGISTRY_URL")).isEqualTo(url);
        assertThat(strings(compose.service("registry"), "healthcheck", "test").get(3))
                .contains("/dev/tcp/127.0.0.1/8080", "GET /apis/ccompat/v7/subjects");
    }

    @Test
    void shouldRunTheWorkerWithoutAutoRegistrationAfterTheSchemaJobApplied() {
        assertThat(strings(compose.service("schemas"), "command")).containsExactly("schemas", "apply");
        assertThat(compose.environment("worker")).containsEntry("IDCARD_AUTO_REGISTER_SCHEMAS", "false");
    }

    @Test
    void shouldPutNoCredentialInTheEnvironment() {
        Map<String, String> credentials = new HashMap<>();
        for (String service : compose.services().keySet()) {
            compose.environment(service).forEach((name, value) -> {
                if (Secrets.isCredentialVariable(name)) {
                    credentials.put(service + "." + name, value);
                }
            });
        }

        assertThat(credentials).isEmpty();
    }
}
