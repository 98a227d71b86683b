package io.idcardstream.server;

import io.idcardstream.config.IdCardStreamConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How the IDCardOCR server listens and what it allows; see the {@code server.*} keys of
 * {@link IdCardStreamConfig} for each meaning.
 *
 * @param host address to bind, e.g. {@code 127.0.0.1}
 * @param port TCP port; 0 picks a free one
 * @param workers threads that read, check and answer requests and download images
 * @param queueCapacity requests admitted and not yet answered; also connections waiting for a worker
 * @param rateLimitRps requests per second per SecretId; 0 = unlimited
 * @param maxBodyBytes largest request body read
 * @param requestTimeout deadline from admission to answer
 * @param webEnabled whether {@code GET /try} serves the try-one-image page ({@link TryPageHandler})
 */
public record ServerSettings(String host, int port, int workers, int queueCapacity, int rateLimitRps,
                             int maxBodyBytes, Duration requestTimeout, boolean webEnabled) {

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must be an address or name but was blank");
        }
        check("port", port, 0, 65_535);
        check("workers", workers, 1, 1_024);
        check("queueCapacity", queueCapacity, 1, 100_000);
        check("rateLimitRps", rateLimitRps, 0, 1_000_000);
        check("maxBodyBytes", maxBodyBytes, 1_024, Integer.MAX_VALUE);
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive but was " + requestTimeout);
        }
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "] but was " + value);
        }
    }

    /** The configuration defaults on loopback with a free port: what in-process tests want. */
    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", 0, 8, 64, 20, 12 << 20, Duration.ofSeconds(30), false);
    }

    public static ServerSettings from(IdCardStreamConfig config) {
        return new ServerSettings(
                config.getString(IdCardStreamConfig.SERVER_HOST_CONFIG),
                config.getInt(IdCardStreamConfig.SERVER_PORT_CONFIG),
                config.getInt(IdCardStreamConfig.SERVER_WORKERS_CONFIG),
                config.getInt(IdCardStreamConfig.SERVER_QUEUE_CAPACITY_CONFIG),
                config.getInt(IdCardStreamConfig.SERVER_RATE_LIMIT_RPS_CONFIG),
                config.getInt(IdCardStreamConfig.SERVER_MAX_BODY_BYTES_CONFIG),
                Duration.ofMillis(config.getInt(IdCardStreamConfig.SERVER_REQUEST_TIMEOUT_MS_CONFIG)),
                config.getBoolean(IdCardStreamConfig.SERVER_WEB_ENABLED_CONFIG));
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, workers, queueCapacity, rateLimitRps, maxBodyBytes, requestTimeout,
                webEnabled);
    }

    public ServerSettings withWorkers(int newWorkers) {
        return new ServerSettings(host, port, newWorkers, queueCapacity, rateLimitRps, maxBodyBytes, requestTimeout,
                webEnabled);
    }

    public ServerSettings withQueueCapacity(int newCapacity) {
        return new ServerSettings(host, port, workers, newCapacity, rateLimitRps, maxBodyBytes, requestTimeout,
                webEnabled);
    }

    public ServerSettings withRateLimitRps(int newRps) {
        return new ServerSettings(host, port, workers, queueCapacity, newRps, maxBodyBytes, requestTimeout,
                webEnabled);
    }

    public ServerSettings withMaxBodyBytes(int newMax) {
        return new ServerSettings(host, port, workers, queueCapacity, rateLimitRps, newMax, requestTimeout,
                webEnabled);
    }

    public ServerSettings withRequestTimeout(Duration newTimeout) {
        return new ServerSettings(host, port, workers, queueCapacity, rateLimitRps, maxBodyBytes, newTimeout,
                webEnabled);
    }

    public ServerSettings withWebEnabled(boolean enabled) {
        return new ServerSettings(host, port, workers, queueCapacity, rateLimitRps, maxBodyBytes, requestTimeout,
                enabled);
    }
}
