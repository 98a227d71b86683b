package io.idcardstream.server;

import com.sun.net.httpserver.HttpHandler;
import io.idcardstream.fetch.ImageFetcher;
import io.idcardstream.ocr.IdCardRecognizer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IDCardOCR-compatible HTTP server (Tencent Cloud API 3.0, TC3-HMAC-SHA256) in front of any
 * {@link IdCardRecognizer}: the official SDKs, tccli and curl can call it by changing only the endpoint.
 *
 * <pre>{@code
 * try (IdCardOcrServer server = IdCardOcrServer.start(ServerSettings.defaults(), recognizer,
 *         ApiKeys.of("AKIDlocal", "secret"), fetcher)) {
 *     httpProfile.setEndpoint(server.endpoint());          // "127.0.0.1:<port>"
 *     httpProfile.setProtocol(HttpProfile.REQ_HTTP);
 * }
 * }</pre>
 *
 * <p>Handlers are written against {@code com.sun.net.httpserver}; the connections are ours ({@link Http1Server}):
 * the JDK's server reads headers on a shared pool with no deadline of its own and sees a client's address only
 * once its headers are in, so eight slow clients could hold every reader (issue 11). Paths: {@code /} is the
 * API ({@link ApiHandler}); {@code /healthz}, {@code /readyz} and {@code /metrics} are for operators
 * ({@link OpsHandler}), also on a separate listener with its own threads when {@code opsPort} is set;
 * {@code GET /try} is the try-one-image page when {@code server.web.enabled} ({@link TryPageHandler}; it calls
 * {@code POST /} like any client).
 *
 * <p>Overload is refused, not queued without bound: each open connection has its own reader thread, at most
 * {@code maxConnections} in all and {@code maxConnectionsPerAddress} from one address (beyond that a connection
 * is closed at once and counted); headers and bodies have deadlines; at most {@code queueCapacity} requests
 * are admitted for download and recognition at a time (beyond that the answer is {@code RequestLimitExceeded}
 * at once); bodies are limited before and while read.
 *
 * <p>The server does not own the recogniser or the fetcher: {@link #close()} leaves them open.
 *
 * <p>Threading notes: {@link #start} and {@link #close} may be called from any thread; the accessors are
 * thread-safe. The server runs on its own threads: an acceptor and a deadline timer per listener, one reader
 * per open connection, {@code workers} download threads and {@code workers} answer threads (idle ones time
 * out).
 */
public final class IdCardOcrServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IdCardOcrServer.class);
    /** How long {@link #close()} waits for admitted requests to be answered. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    /** The operator listener's caps: probes and scrapes, a few at a time, all from a few addresses. */
    private static final Http1Server.Limits OPS_LIMITS = new Http1Server.Limits(32, 0, Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(20), 16 * 1024, 64 * 1024);
    /** Largest request line plus headers: a GET call carries its parameters in the line (Tencent allows 32 KB). */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** Bytes of a refused body still read and dropped after the answer so the client can read it. */
    private static final long LINGER_BYTES = 64L << 20;

    private final Http1Server httpServer;
    private final Http1Server opsServer;
    private final InetSocketAddress address;
    private final ApiHandler apiHandler;
    private final ServerMetrics metrics;
    private final Semaphore admission;
    private final int queueCapacity;
    private final ThreadPoolExecutor fetchExecutor;
    private final ThreadPoolExecutor answerExecutor;
    private volatile boolean closed;

    private IdCardOcrServer(ServerSettings settings, IdCardRecognizer recognizer, ApiKeys keys, ImageFetcher fetcher,
                            Clock clock) throws IOException {
        this.queueCapacity = settings.queueCapacity();
        this.admission = new Semaphore(settings.queueCapacity());
        this.metrics = new ServerMetrics(this::inFlight, settings.queueCapacity());
        // Unbounded queues below are bounded in practice by admission: each admitted request has at most one
        // download and one answer task at a time.
        this.fetchExecutor = new ThreadPoolExecutor(settings.workers(), settings.workers(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("idcard-server-fetch"));
        this.answerExecutor = new ThreadPoolExecutor(settings.workers(), settings.workers(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("idcard-server-answer"));
        for (ThreadPoolExecutor executor : new ThreadPoolExecutor[] {fetchExecutor, answerExecutor}) {
            executor.allowCoreThreadTimeOut(true);
        }
        this.apiHandler = new ApiHandler(settings, new Tc3Verifier(keys, clock),
                new PerKeyRateLimiter(settings.rateLimitRps(), clock), recognizer, fetcher, admission, fetchExecutor,
                answerExecutor, metrics);
        OpsHandler ops = new OpsHandler(() -> !closed && admission.availablePermits() > 0, metrics);
        // With an operator listener, /metrics is served there only: the API port faces clients, and the metrics name
        // the SecretIds' traffic and the error mix. The probes stay on both (readiness belongs to the API port).
        Map<String, HttpHandler> contexts = new LinkedHashMap<>(opsContexts(ops));
        if (settings.opsPort() >= 0) {
            contexts.remove(OpsHandler.METRICS_PATH);
        }
        contexts.put("/", apiHandler);
        if (settings.webEnabled()) {
            contexts.put(TryPageHandler.PATH, new TryPageHandler());
        }
        ServerSettings.ConnectionLimits limits = settings.connections();
        // Whatever a connection is doing, it ends after every deadline it could meet, plus time to write.
        Duration connectionTimeout = limits.headerTimeout().plus(limits.bodyTimeout())
                .plus(settings.requestTimeout()).plus(Duration.ofSeconds(30));
        InetAddress bindAddress = InetAddress.getByName(settings.host());
        this.httpServer = new Http1Server("idcard-server", new InetSocketAddress(bindAddress, settings.port()),
                new Http1Server.Limits(limits.maxConnections(), limits.maxConnectionsPerAddress(),
                        limits.headerTimeout(), limits.bodyTimeout(), connectionTimeout, MAX_HEAD_BYTES, LINGER_BYTES),
                contexts, metrics);
        this.address = httpServer.address();
        Http1Server ops2 = null;
        if (settings.opsPort() >= 0) {
            try {
                ops2 = new Http1Server("idcard-server-ops", new InetSocketAddress(bindAddress, settings.opsPort()),
                        OPS_LIMITS, opsContexts(ops), metrics);
            } catch (IOException e) {
                httpServer.close();
                throw e;
            }
        }
        this.opsServer = ops2;
    }

    private static Map<String, HttpHandler> opsContexts(OpsHandler ops) {
        return Map.of(OpsHandler.HEALTH_PATH, ops, OpsHandler.READY_PATH, ops, OpsHandler.METRICS_PATH, ops);
    }

    /**
     * Binds and starts the server with the system clock.
     *
     * @param recognizer answers admitted requests (the embedded engine in {@code serve}); not closed by the server
     * @param keys the SecretId/SecretKey pairs accepted
     * @param fetcher downloads {@code ImageUrl} images (a {@code GuardedImageFetcher}); not closed by the server
     * @throws IOException when the address cannot be bound
     */
    public static IdCardOcrServer start(ServerSettings settings, IdCardRecognizer recognizer, ApiKeys keys,
                                        ImageFetcher fetcher) throws IOException {
        return start(settings, recognizer, keys, fetcher, Clock.systemUTC());
    }

    /**
     * As {@link #start(ServerSettings, IdCardRecognizer, ApiKeys, ImageFetcher)}, with the clock used for the
     * signature's time check and the rate limiter (tests hold it still or move it).
     */
    public static IdCardOcrServer start(ServerSettings settings, IdCardRecognizer recognizer, ApiKeys keys,
                                        ImageFetcher fetcher, Clock clock) throws IOException {
        IdCardOcrServer server = new IdCardOcrServer(Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(recognizer, "recognizer"), Objects.requireNonNull(keys, "keys"),
                Objects.requireNonNull(fetcher, "fetcher"), Objects.requireNonNull(clock, "clock"));
        server.httpServer.start();
        if (server.opsServer != null) {
            server.opsServer.start();
        }
        log.info("IDCardOCR server listening on http://{}/ with {} SecretId(s), {} req/s each, {} workers, "
                        + "queue {}, operator port {}", server.endpoint(), keys.secretIds().size(),
                settings.rateLimitRps(), settings.workers(), settings.queueCapacity(),
                server.opsServer == null ? "none" : server.opsPort());
        return server;
    }

    /** The bound port (useful when started with port 0). */
    public int port() {
        return address.getPort();
    }

    /** The operator listener's port ({@code /healthz}, {@code /readyz}, {@code /metrics}), or -1 when none. */
    public int opsPort() {
        return opsServer == null ? -1 : opsServer.address().getPort();
    }

    /** Open connections to the API port. */
    public int openConnections() {
        return httpServer.openConnections();
    }

    /** The bound address as text, e.g. {@code 127.0.0.1}. */
    public String host() {
        return address.getAddress().getHostAddress();
    }

    /**
     * {@code host:port}, as the SDK's {@code HttpProfile.setEndpoint} and {@code tencent.endpoint} take it; for
     * a wildcard bind (0.0.0.0 or ::) the loopback address, which reaches it from this host.
     */
    public String endpoint() {
        String host = address.getAddress().isAnyLocalAddress()
                ? InetAddress.getLoopbackAddress().getHostAddress() : host();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** {@code http://host:port/}. */
    public String url() {
        return "http://" + endpoint() + "/";
    }

    /** {@code http://host:port/try}, the try-one-image page (served only when {@code server.web.enabled}). */
    public String tryPageUrl() {
        return "http://" + endpoint() + TryPageHandler.PATH;
    }

    /** Requests admitted and not yet answered. */
    public int inFlight() {
        return queueCapacity - admission.availablePermits();
    }

    /** Connections closed at accept, unread, because a connection cap (per address or in all) was reached. */
    public long connectionsRejected() {
        return metrics.connectionsRejected();
    }

    /**
     * Stops accepting requests, waits up to 5 s for admitted ones to be answered, then closes every
     * connection and stops the server's threads. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        apiHandler.startClosing();
        try {
            // Every place free again means every admitted request has been answered.
            if (admission.tryAcquire(queueCapacity, CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                admission.release(queueCapacity);
            } else {
                log.warn("{} admitted request(s) still unanswered after {} s; closing their connections",
                        inFlight(), CLOSE_GRACE.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        httpServer.close();
        if (opsServer != null) {
            opsServer.close();
        }
        for (ExecutorService executor : new ExecutorService[] {fetchExecutor, answerExecutor}) {
            executor.shutdownNow();
        }
        try {
            for (ExecutorService executor : new ExecutorService[] {fetchExecutor, answerExecutor}) {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    log.warn("Server threads did not stop within 5 s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        metrics.close();
        log.info("IDCardOCR server on port {} stopped", port());
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
