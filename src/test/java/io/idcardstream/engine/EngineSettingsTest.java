package io.idcardstream.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {

    @Test
    void shouldDefaultToTheApiImageLimitAndTwoThreadsPerRecognition() {
        assertThat(EngineSettings.DEFAULTS).isEqualTo(
                new EngineSettings(1, 32, Duration.ofSeconds(10), 4_718_592L, 40_000_000L, 2));
    }

    @Test
    void shouldNameTheArgumentAndTheValueWhenRefusingIt() {
        assertThatThrownBy(() -> new EngineSettings(0, 32, Duration.ofSeconds(1), 1, 1, 1))
                .hasMessage("concurrency must be >= 1 but was 0");
        assertThatThrownBy(() -> new EngineSettings(1, -1, Duration.ofSeconds(1), 1, 1, 1))
                .hasMessage("queueCapacity must be >= 0 but was -1");
        assertThatThrownBy(() -> new EngineSettings(1, 1, Duration.ZERO, 1, 1, 1))
                .hasMessage("callDeadline must be > 0 but was PT0S");
        assertThatThrownBy(() -> new EngineSettings(1, 1, Duration.ofSeconds(1), 0, 1, 1))
                .hasMessage("maxImageBytes must be >= 1 but was 0");
        assertThatThrownBy(() -> new EngineSettings(1, 1, Duration.ofSeconds(1), 1, 0, 1))
                .hasMessage("maxPixels must be >= 1 but was 0");
        assertThatThrownBy(() -> new EngineSettings(1, 1, Duration.ofSeconds(1), 1, 1, 0))
                .hasMessage("threadsPerRecognition must be >= 1 but was 0");
    }
}
