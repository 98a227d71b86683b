package io.idcardstream.app;

import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.engine.EngineSettings;
import io.idcardstream.engine.LocalIdCardRecognizer;
import io.idcardstream.fetch.ImageFetcher;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.tencent.TencentCredentials;
import io.idcardstream.ocr.tencent.TencentIdCardRecognizer;
import io.idcardstream.ocr.tencent.TencentSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Builds the recogniser the configuration asks for. */
final class Recognizers {
    private Recognizers() {}

    /**
     * @param fetcher downloads ImageUrl images for the local engine (Tencent downloads them itself)
     */
    static IdCardRecognizer fromConfig(IdCardStreamConfig config, Map<String, String> environment,
            ImageFetcher fetcher) {
        String provider = config.getString(IdCardStreamConfig.OCR_PROVIDER_CONFIG);
        return switch (provider) {
            case "local" -> FinalRefusals.wrap(LocalIdCardRecognizer.create(engineSettings(config), fetcher));
            case "tencent" -> new TencentIdCardRecognizer(tencentSettings(config, environment));
            default -> throw new ConfigException(IdCardStreamConfig.OCR_PROVIDER_CONFIG, provider,
                    "unknown provider");
        };
    }

    static EngineSettings engineSettings(IdCardStreamConfig config) {
        return new EngineSettings(
                config.getInt(IdCardStreamConfig.ENGINE_CONCURRENCY_CONFIG),
                config.getInt(IdCardStreamConfig.ENGINE_QUEUE_CAPACITY_CONFIG),
                Duration.ofMillis(config.getInt(IdCardStreamConfig.OCR_CALL_TIMEOUT_MS_CONFIG)),
                EngineSettings.API_RAW_LIMIT,
                config.getLong(IdCardStreamConfig.ENGINE_MAX_IMAGE_PIXELS_CONFIG),
                config.getInt(IdCardStreamConfig.ENGINE_THREADS_PER_RECOGNITION_CONFIG));
    }

    static TencentSettings tencentSettings(IdCardStreamConfig config, Map<String, String> environment) {
        String secretsFile = config.getString(IdCardStreamConfig.TENCENT_SECRETS_FILE_CONFIG);
        TencentCredentials credentials;
        try {
            credentials = TencentCredentials.resolve(
                    value(config.getPassword(IdCardStreamConfig.TENCENT_SECRET_ID_CONFIG)),
                    value(config.getPassword(IdCardStreamConfig.TENCENT_SECRET_KEY_CONFIG)),
                    environment,
                    secretsFile.isBlank() ? null : Path.of(secretsFile));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        return new TencentSettings(
                config.getString(IdCardStreamConfig.TENCENT_ENDPOINT_CONFIG),
                config.getString(IdCardStreamConfig.TENCENT_PROTOCOL_CONFIG).equals("https"),
                config.getString(IdCardStreamConfig.TENCENT_REGION_CONFIG),
                credentials,
                Duration.ofMillis(config.getInt(IdCardStreamConfig.TENCENT_CONNECT_TIMEOUT_MS_CONFIG)),
                Duration.ofMillis(config.getInt(IdCardStreamConfig.TENCENT_READ_TIMEOUT_MS_CONFIG)),
                Duration.ofMillis(config.getInt(IdCardStreamConfig.OCR_CALL_TIMEOUT_MS_CONFIG)),
                config.getInt(IdCardStreamConfig.TENCENT_EXECUTOR_THREADS_CONFIG),
                config.getInt(IdCardStreamConfig.TENCENT_EXECUTOR_QUEUE_CONFIG));
    }

    private static String value(Password password) {
        return password == null ? null : password.value();
    }
}
