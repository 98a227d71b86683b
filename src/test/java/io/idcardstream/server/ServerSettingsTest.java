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
        IdCardStreamConfig config = new IdCardStreamConfig(Map.of("server.host", "0.0.0.0", "server.port", "9001",
                "server.workers", "3", "server.queue.capacity", "7", "server.rate.limit.rps", "11",
                "server.max.body.bytes", "2048", "server.request.timeout.ms", "1500", "server.web.enabled", "true"));

        // When
        ServerSettings settings = ServerSettings.from(config);

        // Then
        assertThat(settings).isEqualTo(new ServerSettings("0.0.0.0", 9001, 3, 7, 11, 2048, Duration.ofMillis(1500),
                true));
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
        assertThatThrownBy(() -> new ServerSettings(" ", 0, 1, 1, 0, 1024, Duration.ofSeconds(1), false))
                .hasMessage("host must be an address or name but was blank");
    }

    @Test
    void shouldGiveALoopbackEndpointForAWildcardBind() throws Exception {
        // Given
        try (IdCardOcrServer server = IdCardOcrServer.start(new ServerSettings("0.0.0.0", 0, 1, 1, 0, 1024,
                Duration.ofSeconds(1), false), ScriptedRecognizer.returning(SeedSamples.FRONT), ApiKeys.of("AKIDa", "k"),
                url -> new byte[0])) {
            // Then
            assertThat(server.endpoint()).isEqualTo("127.0.0.1:" + server.port());
        }
    }
}
