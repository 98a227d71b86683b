package io.idcardstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.idcardstream.config.IdCardStreamConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigKeyRuleTest {
    private final ConfigKeyRule rule = ConfigKeyRule.ofApplication();

    @Test
    void shouldAcceptTheVariableOfEveryConfigKey() {
        // Given the variable names the loader reads for every key
        List<String> variables = IdCardStreamConfig.definition().names().stream()
                .map(IdCardStreamConfig::environmentName).toList();

        // When / Then
        assertThat(rule.unknownVariables(variables)).isEmpty();
        assertThat(variables).contains("IDCARD_SCHEMA_REGISTRY_URL", "IDCARD_OPS_PORT");
    }

    @Test
    void shouldRejectVariablesThatNameNoSetting() {
        // Given two made-up settings among real ones
        List<String> variables = List.of("IDCARD_OPS_PORT", "IDCARD_NOT_A_KEY", "IDCARD_OPS_PROT",
                "IDCARD_BOOTSTRAP_SERVERS");

        // When
        List<String> unknown = rule.unknownVariables(variables);

        // Then
        assertThat(unknown).containsExactly("IDCARD_NOT_A_KEY", "IDCARD_OPS_PROT");
    }

    @Test
    void shouldAllowTheConfigFileAndKafkaPassThroughVariablesByRule() {
        assertThat(rule.unknownVariables(List.of("IDCARD_CONFIG_FILE", "IDCARD_KAFKA_MAX_REQUEST_SIZE",
                "IDCARD_KAFKA_SECURITY_PROTOCOL", "IDCARD_KAFKA_"))).containsExactly("IDCARD_KAFKA_");
    }

    @Test
    void shouldAllowTheVariablesTheLoggingConfigurationReads() {
        assertThat(ConfigKeyRule.loggingVariables()).containsExactly("IDCARD_LOG_FORMAT", "IDCARD_LOG_LEVEL");
        assertThat(rule.unknownVariables(List.of("IDCARD_LOG_FORMAT", "IDCARD_LOG_LEVEL", "IDCARD_LOG_COLOUR")))
                .containsExactly("IDCARD_LOG_COLOUR");
    }

    @Test
    void shouldLeaveOtherProgramsVariablesAlone() {
        assertThat(rule.unknownVariables(List.of("KAFKA_NODE_ID", "TENCENTCLOUD_SECRET_ID", "JAVA_TOOL_OPTIONS")))
                .isEmpty();
    }

    @Test
    void shouldRejectPropertiesKeysThatNameNoSettingButAllowKafkaKeys() {
        // Given a properties file's keys with a typo and a Kafka client setting
        Set<String> keys = Set.of("ops.port", "ops.prot", "kafka.max.request.size", "kafka.", "schema.registry");

        // When
        List<String> unknown = rule.unknownKeys(keys);

        // Then
        assertThat(unknown).containsExactly("kafka.", "ops.prot", "schema.registry");
    }

    @Test
    void shouldRefuseAnEmptyKeySet() {
        assertThatThrownBy(() -> new ConfigKeyRule(Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keys: expected the configuration's keys, got none");
    }
}
