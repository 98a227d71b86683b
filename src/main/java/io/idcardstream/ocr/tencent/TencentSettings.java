package io.idcardstream.ocr.tencent;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach IDCardOCR: endpoint {@code host[:port]} (Tencent Cloud or an idcard-stream {@code serve}
 * instance), protocol, region, timeouts and the size of the pool making blocking SDK calls.
 *
 * @param callTimeout whole-call deadline (connect, write, wait, read); the SDK itself has none
 */
public record TencentSettings(
        String endpoint,
        boolean https,
        String region,
        TencentCredentials credentials,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int threads,
        int queueCapacity) {

    public TencentSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.isBlank() || endpoint.contains("/")) {
            throw new IllegalArgumentException("endpoint must be host[:port] without scheme or path but was '"
                    + endpoint + "'");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        positive(connectTimeout, "connectTimeout");
        positive(readTimeout, "readTimeout");
        positive(callTimeout, "callTimeout");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queueCapacity must not be negative but was " + queueCapacity);
        }
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + value);
        }
    }
}
