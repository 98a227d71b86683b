package io.idcardstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldUseDefaultsWhenNothingIsSet() {
        IdCardStreamConfig config = ConfigLoader.load(null, Map.of(), Map.of());

        assertThat(config.getString(IdCardStreamConfig.APPLICATION_ID_CONFIG)).isEqualTo("idcard-stream");
        assertThat(config.getString(IdCardStreamConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
        assertThat(config.getDouble(IdCardStreamConfig.OCR_QUOTA_RPS_CONFIG)).isEqualTo(20.0);
        assertThat(config.getString(IdCardStreamConfig.TOPIC_REQUESTS_CONFIG)).isEqualTo("idcard.ocr.requests");
        assertThat(config.getString(IdCardStreamConfig.TOPIC_DLQ_CONFIG)).isEqualTo("idcard.ocr.requests.dlq");
    }

    @Test
    void shouldLetEnvironmentOverrideTheFileAndOptionsOverrideBoth() throws Exception {
        // Given
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "ocr.quota.rps=10\ntopic.requests=from-file\napplication.id=file-app\n",
                StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("IDCARD_OCR_QUOTA_RPS", "12.5", "IDCARD_TOPIC_REQUESTS", "from-env");

        // When
        IdCardStreamConfig config = ConfigLoader.load(file, env, Map.of("topic.requests", "from-option"));

        // Then
        assertThat(config.getString(IdCardStreamConfig.APPLICATION_ID_CONFIG)).isEqualTo("file-app");
        assertThat(config.getDouble(IdCardStreamConfig.OCR_QUOTA_RPS_CONFIG)).isEqualTo(12.5);
        assertThat(config.getString(IdCardStreamConfig.TOPIC_REQUESTS_CONFIG)).isEqualTo("from-option");
    }

    @Test
    void shouldReadTheFileNamedByTheEnvironmentWhenNoneIsGiven() throws Exception {
        Path file = dir.resolve("named.properties");
        Files.writeString(file, "application.id=named\n", StandardCharsets.UTF_8);

        IdCardStreamConfig config = ConfigLoader.load(null, Map.of("IDCARD_CONFIG_FILE", file.toString()), Map.of());

        assertThat(config.getString(IdCardStreamConfig.APPLICATION_ID_CONFIG)).isEqualTo("named");
    }

    @Test
    void shouldPassKafkaPrefixedSettingsThroughWithoutThePrefix() {
        IdCardStreamConfig config = ConfigLoader.load(null,
                Map.of("IDCARD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"), Map.of("kafka.sasl.mechanism", "PLAIN"));

        assertThat(config.kafkaOverrides()).containsExactlyInAnyOrderEntriesOf(
                Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"));
    }

    @Test
    void shouldRefuseAKafkaSettingWithoutItsPrefixNamingThePrefixedKey() throws Exception {
        // Given a Streams setting written as Kafka Streams spells it, in the file
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "num.standby.replicas=1\n", StandardCharsets.UTF_8);

        // Then it is refused instead of dropped, with the key that would work
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown setting 'num.standby.replicas'")
                .hasMessageContaining("'kafka.num.standby.replicas'");
    }

    @Test
    void shouldRefuseAMisspeltKafkaSettingNamingTheNearestOneWithItsPrefixes() {
        // A misspelt client setting, one behind a Streams client prefix, and an environment variable's
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("kafka.num.standby.replica", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown Kafka setting 'kafka.num.standby.replica'")
                .hasMessageContaining("did you mean 'kafka.num.standby.replicas'?");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("kafka.producer.lingerms", "5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("did you mean 'kafka.producer.linger.ms'?");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("IDCARD_KAFKA_SECURITY_PROTOKOL", "SSL"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'kafka.security.protokol'")
                .hasMessageContaining("did you mean 'kafka.security.protocol'?");
    }

    @Test
    void shouldAcceptKafkaSettingsBehindStreamsClientAndTopicPrefixes() {
        IdCardStreamConfig config = ConfigLoader.load(null, Map.of(), Map.ofEntries(
                Map.entry("kafka.main.consumer.fetch.max.bytes", "1048576"),
                Map.entry("kafka.producer.compression.type", "zstd"),
                Map.entry("kafka.topic.min.insync.replicas", "2"),
                Map.entry("kafka.ssl.truststore.location", "/etc/kafka/truststore.p12"),
                Map.entry("kafka.num.standby.replicas", "1"),
                // Keys whose names are the user's own: rack tags, config providers, metrics context, internal ones
                Map.entry("kafka.client.tag.zone", "eu-1a"),
                Map.entry("kafka.config.providers", "file"),
                Map.entry("kafka.config.providers.file.class",
                        "org.apache.kafka.common.config.provider.FileConfigProvider"),
                Map.entry("kafka.metrics.context.team", "kyc"),
                Map.entry("kafka.internal.leave.group.on.close", "true")));

        assertThat(config.kafkaOverrides()).hasSize(10);
    }

    @Test
    void shouldIgnoreKubernetesServiceLinkVariablesThatLookLikeKafkaSettings() {
        // Given the variables Kubernetes injects for a Service named idcard-kafka-bootstrap in the namespace
        Map<String, String> environment = Map.of("IDCARD_KAFKA_BOOTSTRAP_SERVICE_HOST", "10.0.0.7",
                "IDCARD_KAFKA_BOOTSTRAP_SERVICE_PORT", "9092", "IDCARD_KAFKA_BOOTSTRAP_PORT", "tcp://10.0.0.7:9092",
                "IDCARD_KAFKA_BOOTSTRAP_PORT_9092_TCP_ADDR", "10.0.0.7", "IDCARD_KAFKA_SECURITY_PROTOCOL", "SSL");

        // Then they are not taken for Kafka settings; a real one still is
        assertThat(ConfigLoader.load(null, environment, Map.of()).kafkaOverrides())
                .isEqualTo(Map.of("security.protocol", "SSL"));
    }

    @Test
    void shouldRefuseAMisspeltSettingNamingTheNearestOne() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("ocr.quota.rsp", "10")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown setting 'ocr.quota.rsp'")
                .hasMessageContaining("did you mean 'ocr.quota.rps'?");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("completely.unrelated.thing", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown setting 'completely.unrelated.thing'")
                .hasMessageContaining("configuration table");
    }

    @Test
    void shouldMeasureEditDistanceByOneCharacterChanges() {
        assertThat(ConfigLoader.editDistance("ocr.quota.rps", "ocr.quota.rps")).isZero();
        assertThat(ConfigLoader.editDistance("ocr.quota.rps", "ocr.quota.rsp")).isEqualTo(2);
        assertThat(ConfigLoader.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(ConfigLoader.editDistance("", "abc")).isEqualTo(3);
    }

    @Test
    void shouldFailWithTheKeyAndValueWhenAValueIsInvalid() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("IDCARD_OCR_QUOTA_RPS", "-3"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("-3")
                .hasMessageContaining("ocr.quota.rps");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("ocr.provider", "azure")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ocr.provider")
                .hasMessageContaining("azure");
    }

    @Test
    void shouldRefuseATransactionTimeoutShorterThanTheCallBudget() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of(
                "transaction.timeout.ms", "20000", "ocr.call.timeout.ms", "15000", "ocr.rate.max.wait.ms", "10000")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transaction.timeout.ms")
                .hasMessageContaining("25000");
    }

    @Test
    void shouldFailClearlyWhenTheFileIsMissing() {
        Path missing = dir.resolve("missing.properties");

        assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void shouldHideSecretsWhenPrinted() {
        IdCardStreamConfig config = ConfigLoader.load(null, Map.of("IDCARD_TENCENT_SECRET_KEY", "top-secret"), Map.of());

        assertThat(config.getPassword(IdCardStreamConfig.TENCENT_SECRET_KEY_CONFIG).toString())
                .isEqualTo("[hidden]");
        assertThat(config.values().toString()).doesNotContain("top-secret");
    }

    @Test
    void shouldNameEnvironmentVariablesInUpperSnakeCase() {
        assertThat(IdCardStreamConfig.environmentName("schema.registry.url")).isEqualTo("IDCARD_SCHEMA_REGISTRY_URL");
    }
}
