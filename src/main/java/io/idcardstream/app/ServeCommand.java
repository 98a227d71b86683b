package io.idcardstream.app;

import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.engine.LocalIdCardRecognizer;
import io.idcardstream.fetch.ImageFetcher;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.server.IdCardOcrServer;
import io.idcardstream.server.ServerSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the IDCardOCR API (Tencent Cloud API 3.0, TC3-HMAC-SHA256) on this machine, in front of the
 * embedded engine (PP-OCRv4 on ONNX Runtime), until stopped (SIGTERM / Ctrl-C).
 * Prints the endpoint, a health check, where the key is, and an example call; never the SecretKey.
 *
 * <p>Threading notes: {@link #call()} blocks until the server is asked to stop, then closes the server and
 * the recogniser before returning.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the IDCardOCR API (version 2018-11-19, Tencent Cloud API 3.0 with TC3-HMAC-SHA256) over HTTP on "
                    + "the embedded engine, so the official SDKs, tccli and curl can use it by changing only their "
                    + "endpoint. ImageUrl downloads follow the fetch.* settings (public addresses only by default).",
            "",
            "Keys: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY if set; else the pairs in server.keys.file; "
                    + "else a new pair is generated and written there, readable only by you. The SecretKey is never "
                    + "printed or logged."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped on request", "1:failed", "2:invalid configuration"})
final class ServeCommand implements Callable<Integer> {

    /** Makes the recogniser behind the API. */
    @FunctionalInterface
    interface RecognizerFactory {
        IdCardRecognizer create(IdCardStreamConfig config, ImageFetcher fetcher) throws Exception;
    }

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port; 0 picks a free one. Default: server.port.")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address to bind; 0.0.0.0 serves other hosts. Default: server.host (loopback).")
    String host;

    private final RecognizerFactory recognizers;
    private final Map<String, String> environment;
    private final CompletableFuture<?> stopRequest;

    /** The command as the CLI runs it: the embedded engine, the process environment, stopped by a signal. */
    ServeCommand() {
        this(ServeCommand::embeddedEngine, System.getenv(), null);
    }

    /**
     * The local engine, its queue as long as the server's and its deadline the server's, so clients meet the
     * server's admission limit ({@code RequestLimitExceeded}) rather than the engine's. It downloads nothing
     * itself here (the server hands it image bytes), but gets the guarded fetcher all the same.
     */
    static IdCardRecognizer embeddedEngine(IdCardStreamConfig config, ImageFetcher fetcher) {
        ServerSettings server = ServerSettings.from(config);
        return LocalIdCardRecognizer.create(Recognizers.engineSettings(config)
                .withQueueCapacity(server.queueCapacity())
                .withCallDeadline(server.requestTimeout()), fetcher);
    }

    /**
     * @param stopRequest completing it stops the server; null installs a JVM shutdown hook instead
     */
    ServeCommand(RecognizerFactory recognizers, Map<String, String> environment, CompletableFuture<?> stopRequest) {
        this.recognizers = recognizers;
        this.environment = environment;
        this.stopRequest = stopRequest;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> commandOverrides = new LinkedHashMap<>();
        if (port != null) {
            commandOverrides.put(IdCardStreamConfig.SERVER_PORT_CONFIG, port.toString());
        }
        if (host != null) {
            commandOverrides.put(IdCardStreamConfig.SERVER_HOST_CONFIG, host);
        }
        IdCardStreamConfig config = options.load(commandOverrides);
        ServeKeys keys = ServeKeys.resolve(environment,
                Path.of(config.getString(IdCardStreamConfig.SERVER_KEYS_FILE_CONFIG)), new SecureRandom());
        ImageFetcher fetcher = ImageFetchers.fromConfig(config);
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch closed = new CountDownLatch(1);
        try (IdCardRecognizer recognizer = recognizers.create(config, fetcher);
                IdCardOcrServer server = IdCardOcrServer.start(ServerSettings.from(config), recognizer, keys.keys(),
                        fetcher)) {
            printWelcome(out, server, keys, config);
            awaitStop(closed);
        } finally {
            closed.countDown();
        }
        return 0;
    }

    private void printWelcome(PrintWriter out, IdCardOcrServer server, ServeKeys keys, IdCardStreamConfig config)
            throws Exception {
        String secretId = keys.exampleSecretId();
        out.println("IDCardOCR (2018-11-19) API listening on " + server.url());
        out.println("  health:   curl -s http://" + server.endpoint() + "/healthz");
        out.println("  metrics:  curl -s http://" + server.endpoint() + "/metrics");
        out.println("  SDK:      endpoint " + server.endpoint() + ", protocol http:// (HttpProfile.REQ_HTTP)");
        if (config.getBoolean(IdCardStreamConfig.SERVER_WEB_ENABLED_CONFIG)) {
            out.println("  try page: " + server.tryPageUrl() + " (signs in the browser with the key you type in)");
        }
        if (keys.keyFile() == null) {
            out.println("  SecretId: " + secretId + " (key pair from " + ServeKeys.SECRET_ID_ENV + "/"
                    + ServeKeys.SECRET_KEY_ENV + ")");
        } else {
            out.println("  SecretId: " + secretId + "; its SecretKey is in " + keys.keyFile().toAbsolutePath()
                    + (keys.generated() ? " (generated now, readable only by you)" : ""));
        }
        out.println();
        out.print(ServeExample.script(server.endpoint(), secretId,
                keys.keyFile() == null ? null : keys.keyFile().toAbsolutePath().toString(),
                keys.keyFile() == null ? null : keys.keyPropertyOf(secretId)));
        out.flush();
    }

    /**
     * Returns when the stop request completes, on SIGTERM / SIGINT (then {@link #call()} closes everything and
     * returns 0), or when the JVM is asked to shut down otherwise; in the last case the shutdown hook then waits
     * (up to 10 s) for {@code closed}, so the server and recogniser close before the JVM halts.
     */
    private void awaitStop(CountDownLatch closed) throws InterruptedException {
        if (stopRequest != null) {
            stopRequest.join();
            return;
        }
        CountDownLatch stopping = new CountDownLatch(1);
        StopSignals.install().thenRun(stopping::countDown);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.countDown();
            try {
                closed.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "idcard-serve-shutdown"));
        stopping.await();
    }
}
