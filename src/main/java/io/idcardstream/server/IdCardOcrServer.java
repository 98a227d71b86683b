package io.idcardstream.server;

import com.sun.net.httpserver.HttpServer;
import io.idcardstream.fetch.ImageFetcher;
import io.idcardstream.ocr.IdCardRecognizer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
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
 * <p>Built on the JDK's {@code com.sun.net.httpserver}: it is in every JDK 17, adds no dependency, takes our
 * own bounded executor, and accepts absolute-form request targets (the SDK's proxy mode); the API is one
 * endpoint of small JSON exchanges, which needs nothing more. Paths: {@code POST /} is the API
 * ({@link ApiHandler}); {@code /healthz}, {@code /readyz} and {@code /metrics} are for operators
 * ({@link OpsHandler}); {@code GET /try} is the try-one-image page when {@code server.web.enabled}
 * ({@link TryPageHandler}; it calls {@code POST /} like any client).
 *
 * <p>Overload is refused, not queued without bound: {@code workers} threads take connections from a queue of
 * {@code queueCapacity} (a connection beyond that is closed at once and counted); at most
 * {@code queueCapacity} requests are admitted for download and recognition at a time (beyond that the answer
 * is {@code RequestLimitExceeded} at once); bodies are limited while read.
 *
 * <p>The server does not own the recogniser or the fetcher: {@link #close()} leaves them open.
 *
 * <p>Threading notes: {@link #start} and {@link #close} may be called from any thread; the accessors are
 * thread-safe. The server runs on its own threads: the JDK's dispatcher, {@code workers} HTTP threads,
 * {@code workers} download threads and {@code workers} answer threads (idle ones time out).
 */
public final class IdCardOcrServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IdCardOcrServer.class);
    /** How long {@link #close()} waits for admitted requests to be answered. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final HttpServer httpServer;
    private final InetSocketAddress address;
    private final ApiHandler apiHandler;
    private final ServerMetrics metrics;
    private final Semaphore admission;
    private final int queueCapacity;
    private final ThreadPoolExecutor httpExecutor;
    private final ThreadPoolExecutor fetchExecutor;
    private final ThreadPoolExecutor answerExecutor;
    private volatile boolean closed;

    private IdCardOcrServer(ServerSettings settings, IdCardRecognizer recognizer, ApiKeys keys, ImageFetcher fetcher,
                            Clock clock) throws IOException {
        this.queueCapacity = settings.queueCapacity();
        this.admission = new Semaphore(settings.queueCapacity());
        this.metrics = new ServerMetrics(this::inFlight, settings.queueCapacity());
        this.httpExecutor = new ThreadPoolExecutor(settings.workers(), settings.workers(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), threads("idcard-server-http"),
                (task, executor) -> {
                    metrics.connectionRejected();
                    // The JDK's dispatcher closes the connection when the executor refuses it.
                    throw new RejectedExecutionException("all server workers are busy and their queue is full");
                });
        // Unbounded queues below are bounded in practice by admission: each admitted request has at most one
        // download and one answer task at a time.
        this.fetchExecutor = new ThreadPoolExecutor(settings.workers(), settings.workers(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("idcard-server-fetch"));
        this.answerExecutor = new ThreadPoolExecutor(settings.workers(), settings.workers(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("idcard-server-answer"));
        for (ThreadPoolExecutor executor : new ThreadPoolExecutor[] {httpExecutor, fetchExecutor, answerExecutor}) {
            executor.allowCoreThreadTimeOut(true);
        }
        this.apiHandler = new ApiHandler(settings, new Tc3Verifier(keys, clock),
                new PerKeyRateLimiter(settings.rateLimitRps(), clock), recognizer, fetcher, admission, fetchExecutor,
                answerExecutor, metrics);
        this.httpServer = HttpServer.create(
                new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), 0);
        this.address = httpServer.getAddress();
        httpServer.setExecutor(httpExecutor);
        httpServer.createContext("/", apiHandler);
        OpsHandler ops = new OpsHandler(() -> !closed && admission.availablePermits() > 0, metrics);
        httpServer.createContext(OpsHandler.HEALTH_PATH, ops);
        httpServer.createContext(OpsHandler.READY_PATH, ops);
        httpServer.createContext(OpsHandler.METRICS_PATH, ops);
        if (settings.webEnabled()) {
            httpServer.createContext(TryPageHandler.PATH, new TryPageHandler());
        }
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
        log.info("IDCardOCR server listening on http://{}/ with {} SecretId(s), {} req/s each, {} workers, "
                        + "queue {}", server.endpoint(), keys.secretIds().size(), settings.rateLimitRps(),
                settings.workers(), settings.queueCapacity());
        return server;
    }

    /** The bound port (useful when started with port 0). */
    public int port() {
        return address.getPort();
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

    /** Connections closed unanswered because every worker was busy and their queue full. */
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
        httpServer.stop(0);
        for (ExecutorService executor : new ExecutorService[] {httpExecutor, fetchExecutor, answerExecutor}) {
            executor.shutdownNow();
        }
        try {
            for (ExecutorService executor : new ExecutorService[] {httpExecutor, fetchExecutor, answerExecutor}) {
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
