package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.engine.EngineSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecognizersTest {

    @Test
    void shouldBuildTheEngineSettingsFromTheEngineKeys() {
        // Given every engine key set
        IdCardStreamConfig config = new IdCardStreamConfig(Map.of(
                IdCardStreamConfig.ENGINE_CONCURRENCY_CONFIG, "3",
                IdCardStreamConfig.ENGINE_QUEUE_CAPACITY_CONFIG, "7",
                IdCardStreamConfig.OCR_CALL_TIMEOUT_MS_CONFIG, "4000",
                IdCardStreamConfig.ENGINE_MAX_IMAGE_PIXELS_CONFIG, "1000000",
                IdCardStreamConfig.ENGINE_THREADS_PER_RECOGNITION_CONFIG, "1"));

        // When the engine settings are made, then each key lands in its setting
        assertThat(Recognizers.engineSettings(config)).isEqualTo(new EngineSettings(3, 7, Duration.ofSeconds(4),
                EngineSettings.API_RAW_LIMIT, 1_000_000L, 1));
    }

    @Test
    void shouldDefaultToTheEnginesOwnDefaults() {
        // Given no engine key, when the engine settings are made, then they are the engine's defaults
        assertThat(Recognizers.engineSettings(new IdCardStreamConfig(Map.of())))
                .isEqualTo(EngineSettings.DEFAULTS.withCallDeadline(Duration.ofMillis(
                        new IdCardStreamConfig(Map.of()).getInt(IdCardStreamConfig.OCR_CALL_TIMEOUT_MS_CONFIG))));
    }
}
