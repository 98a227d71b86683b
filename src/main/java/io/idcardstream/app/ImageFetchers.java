package io.idcardstream.app;

import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.fetch.GuardedImageFetcher;
import java.time.Duration;

/** The guarded image fetcher as the {@code fetch.*} settings configure it (for serve and the local engine). */
final class ImageFetchers {
    private ImageFetchers() {}

    static GuardedImageFetcher fromConfig(IdCardStreamConfig config) {
        return new GuardedImageFetcher(new GuardedImageFetcher.Settings(
                Duration.ofMillis(config.getInt(IdCardStreamConfig.FETCH_TIMEOUT_MS_CONFIG)),
                config.getInt(IdCardStreamConfig.FETCH_MAX_BYTES_CONFIG),
                config.getInt(IdCardStreamConfig.FETCH_MAX_REDIRECTS_CONFIG),
                config.getBoolean(IdCardStreamConfig.FETCH_ALLOW_LOOPBACK_CONFIG),
                config.getBoolean(IdCardStreamConfig.FETCH_ALLOW_PRIVATE_CONFIG)));
    }
}
