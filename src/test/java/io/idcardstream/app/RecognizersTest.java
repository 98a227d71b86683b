package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.engine.EngineSettings;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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

    @Test
    void shouldNeverRetryAnImageAddressTheGuardRefusesButRetryAHostThatIsDown() throws Exception {
        // Given the local engine with the real guarded fetcher (loopback allowed, so a closed port can be tried)
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        IdCardStreamConfig config = new IdCardStreamConfig(Map.of(
                IdCardStreamConfig.FETCH_ALLOW_LOOPBACK_CONFIG, "true"));
        Map<String, String> outcomes = new LinkedHashMap<>();
        try (IdCardRecognizer local = Recognizers.fromConfig(config, Map.of(), ImageFetchers.fromConfig(config))) {
            // When: the cloud metadata address, a private one, another scheme, and a loopback port nobody serves
            for (String url : java.util.List.of("http://169.254.169.254/latest/meta-data/",
                    "http://10.0.0.5/a.jpg", "gopher://127.0.0.1:70/_x", "http://127.0.0.1:" + closedPort + "/a.jpg")) {
                OcrException error = failure(local, url);
                outcomes.put(url.replace(String.valueOf(closedPort), "CLOSED"),
                        error.code() + (error.classification().retryable() ? " retryable" : " final"));
            }
        }

        // Then: the refused addresses are final; only the host that did not answer may be tried again
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("http://169.254.169.254/latest/meta-data/", ErrorCodes.DOWNLOAD_ERROR + " final");
        expected.put("http://10.0.0.5/a.jpg", ErrorCodes.DOWNLOAD_ERROR + " final");
        expected.put("gopher://127.0.0.1:70/_x", ErrorCodes.DOWNLOAD_ERROR + " final");
        expected.put("http://127.0.0.1:CLOSED/a.jpg", ErrorCodes.DOWNLOAD_ERROR + " retryable");
        assertThat(outcomes).containsExactlyEntriesOf(expected);
    }

    private static OcrException failure(IdCardRecognizer recognizer, String url) throws Exception {
        try {
            recognizer.recognize(new IdCardOcrRequest(new ImageSource.Url(url), null, null)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (OcrException) e.getCause();
        }
        throw new AssertionError("expected " + url + " to fail");
    }
}
