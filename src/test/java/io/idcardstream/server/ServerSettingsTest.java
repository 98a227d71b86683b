package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.idcardstream.config.IdCardStreamConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void shouldReadTheServerKeysOfTheConfiguration() {
        // Given
        IdCardStreamConfig config = new IdCardStreamConfig(Map.ofEntries(Map.entry("server.host", "0.0.0.0"), Map.entry("server.port", "9001"),
                Map.entry("server.workers", "3"), Map.entry("server.queue.capacity", "7"),
                Map.entry("server.rate.limit.rps", "11"), Map.entry("server.max.body.bytes", "2048"),
                Map.entry("server.request.timeout.ms", "1500"), Map.entry("server.web.enabled", "true"),
                Map.entry("server.max.connections", "40"), Map.entry("server.max.connections.per.address", "4"),
                Map.entry("server.header.timeout.ms", "700"), Map.entry("server.body.timeout.ms", "900"),
                Map.entry("server.ops.port", "9002")));

        // When
        ServerSettings settings = ServerSettings.from(config);

        // Then
        assertThat(settings).isEqualTo(new ServerSettings("0.0.0.0", 9001, 3, 7, 11, 2048, Duration.ofMillis(1500),
                true, new ServerSettings.ConnectionLimits(40, 4, Duration.ofMillis(700), Duration.ofMillis(900)),
                9002));
    }

    @Test
    void shouldDefaultToTheConfigurationDefaultsOnAFreeLoopbackPort() {
        assertThat(ServerSettings.defaults()).isEqualTo(ServerSettings.from(new IdCardStreamConfig(Map.of()))
                .withPort(0));
    }

    @Test
    void shouldNameTheArgumentAndTheValueWhenRefusingOne() {
        ServerSettings defaults = ServerSettings.defaults();
        assertThatThrownBy(() -> defaults.withPort(70_000)).hasMessage("port must be in [0, 65535] but was 70000");
        assertThatThrownBy(() -> defaults.withWorkers(0)).hasMessage("workers must be in [1, 1024] but was 0");
        assertThatThrownBy(() -> defaults.withQueueCapacity(0))
                .hasMessage("queueCapacity must be in [1, 100000] but was 0");
        assertThatThrownBy(() -> defaults.withRateLimitRps(-1))
                .hasMessage("rateLimitRps must be in [0, 1000000] but was -1");
        assertThatThrownBy(() -> defaults.withMaxBodyBytes(10))
                .hasMessage("maxBodyBytes must be in [1024, 2147483647] but was 10");
        assertThatThrownBy(() -> defaults.withRequestTimeout(Duration.ZERO))
                .hasMessage("requestTimeout must be positive but was PT0S");
        assertThatThrownBy(() -> defaults.withOpsPort(-2)).hasMessage("opsPort must be in [-1, 65535] but was -2");
        assertThatThrownBy(() -> new ServerSettings.ConnectionLimits(0, 0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessage("maxConnections must be in [1, 100000] but was 0");
        assertThatThrownBy(() -> new ServerSettings.ConnectionLimits(1, 0, Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("headerTimeout must be positive but was PT0S");
        assertThatThrownBy(() -> new ServerSettings(" ", 0, 1, 1, 0, 1024, Duration.ofSeconds(1), false,
                ServerSettings.ConnectionLimits.defaults(), -1))
                .hasMessage("host must be an address or name but was blank");
    }

    @Test
    void shouldGiveALoopbackEndpointForAWildcardBind() throws Exception {
        // Given
        try (IdCardOcrServer server = IdCardOcrServer.start(new ServerSettings("0.0.0.0", 0, 1, 1, 0, 1024,
                Duration.ofSeconds(1), false, ServerSettings.ConnectionLimits.defaults(), -1), ScriptedRecognizer.returning(SeedSamples.FRONT), ApiKeys.of("AKIDa", "k"),
                url -> new byte[0])) {
            // Then
            assertThat(server.endpoint()).isEqualTo("127.0.0.1:" + server.port());
        }
    }
}
