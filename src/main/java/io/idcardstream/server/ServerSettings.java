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
 * @param connections how many connections may be open and how long a request may take to arrive
 * @param opsPort port of the separate operator listener ({@code /healthz}, {@code /readyz}, {@code /metrics});
 *     -1 = none (those paths are served on the API port only); 0 = any free port
 */
public record ServerSettings(String host, int port, int workers, int queueCapacity, int rateLimitRps,
                             int maxBodyBytes, Duration requestTimeout, boolean webEnabled,
                             ConnectionLimits connections, int opsPort) {

    /**
     * Limits on connections, checked by the server's own HTTP layer ({@link Http1Server}) so that slow or
     * numerous clients cannot hold what other clients need.
     *
     * @param maxConnections open API connections in all (each has its own reader thread)
     * @param maxConnectionsPerAddress open API connections from one client address; 0 = no cap (behind a proxy
     *     every client has the proxy's address)
     * @param headerTimeout time for the request line and headers to arrive, counted from the connection's accept
     * @param bodyTimeout time for the whole body to arrive, counted from the end of the headers
     */
    public record ConnectionLimits(int maxConnections, int maxConnectionsPerAddress, Duration headerTimeout,
                                   Duration bodyTimeout) {
        public ConnectionLimits {
            check("maxConnections", maxConnections, 1, 100_000);
            check("maxConnectionsPerAddress", maxConnectionsPerAddress, 0, 100_000);
            positive("headerTimeout", headerTimeout);
            positive("bodyTimeout", bodyTimeout);
        }

        /** The configuration defaults. */
        public static ConnectionLimits defaults() {
            return new ConnectionLimits(256, 16, Duration.ofSeconds(10), Duration.ofSeconds(30));
        }
    }

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
        positive("requestTimeout", requestTimeout);
        Objects.requireNonNull(connections, "connections");
        check("opsPort", opsPort, -1, 65_535);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + value);
        }
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "] but was " + value);
        }
    }

    /** The configuration defaults on loopback with a free port: what in-process tests want. */
    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", 0, 8, 64, 20, 12 << 20, Duration.ofSeconds(30), false,
                ConnectionLimits.defaults(), -1);
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
                config.getBoolean(IdCardStreamConfig.SERVER_WEB_ENABLED_CONFIG),
                new ConnectionLimits(
                        config.getInt(IdCardStreamConfig.SERVER_MAX_CONNECTIONS_CONFIG),
                        config.getInt(IdCardStreamConfig.SERVER_MAX_CONNECTIONS_PER_ADDRESS_CONFIG),
                        Duration.ofMillis(config.getInt(IdCardStreamConfig.SERVER_HEADER_TIMEOUT_MS_CONFIG)),
                        Duration.ofMillis(config.getInt(IdCardStreamConfig.SERVER_BODY_TIMEOUT_MS_CONFIG))),
                config.getInt(IdCardStreamConfig.SERVER_OPS_PORT_CONFIG));
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, workers, queueCapacity, rateLimitRps, maxBodyBytes, requestTimeout,
                webEnabled, connections, opsPort);
    }

    public ServerSettings withWorkers(int newWorkers) {
        return new ServerSettings(host, port, newWorkers, queueCapacity, rateLimitRps, maxBodyBytes, requestTimeout,
                webEnabled, connections, opsPort);
    }

    public ServerSettings withQueueCapacity(int newCapacity) {
        return new ServerSettings(host, port, workers, newCapacity, rateLimitRps, maxBodyBytes, requestTimeout,
                webEnabled, connections, opsPort);
    }

    public ServerSettings withRateLimitRps(int newRps) {
        return new ServerSettings(host, port, workers, queueCapacity, newRps, maxBodyBytes, requestTimeout,
                webEnabled, connections, opsPort);
    }

    public ServerSettings withMaxBodyBytes(int newMax) {
        return new ServerSettings(host, port, workers, queueCapacity, rateLimitRps, newMax, requestTimeout,
                webEnabled, connections, opsPort);
    }

    public ServerSettings withRequestTimeout(Duration newTimeout) {
        return new ServerSettings(host, port, workers, queueCapacity, rateLimitRps, maxBodyBytes, newTimeout,
                webEnabled, connections, opsPort);
    }

    public ServerSettings withWebEnabled(boolean enabled) {
        return new ServerSettings(host, port, workers, queueCapacity, rateLimitRps, maxBodyBytes, requestTimeout,
                enabled, connections, opsPort);
    }

    public ServerSettings withConnections(ConnectionLimits newConnections) {
        return new ServerSettings(host, port, workers, queueCapacity, rateLimitRps, maxBodyBytes, requestTimeout,
                webEnabled, newConnections, opsPort);
    }

    public ServerSettings withOpsPort(int newOpsPort) {
        return new ServerSettings(host, port, workers, queueCapacity, rateLimitRps, maxBodyBytes, requestTimeout,
                webEnabled, connections, newOpsPort);
    }
}
