package io.idcardstream.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The operator endpoint of a long-running command, on its own port: {@code GET /healthz} (liveness: 200 unless
 * the process should be restarted), {@code GET /readyz} (readiness: 200 when it does its job) and
 * {@code GET /metrics} (Prometheus text). Unauthenticated by design: it reveals no keys and no personal data.
 *
 * <p>Threading notes: the probes are called on the endpoint's single thread; they must be fast and
 * thread-safe.
 */
public final class OpsEndpoint implements AutoCloseable {
    /** A probe's answer: healthy or not, and a short reason for operators. */
    public record Status(boolean ok, String detail) {}

    private final HttpServer server;
    private final ExecutorService executor;

    private OpsEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static OpsEndpoint start(String host, int port, Supplier<Status> liveness, Supplier<Status> readiness,
            Supplier<String> prometheusText) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ops-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                    respond(exchange, 405, "text/plain; charset=utf-8", "Use GET\n");
                    return;
                }
                switch (exchange.getRequestURI().getPath()) {
                    case "/healthz" -> status(exchange, liveness.get());
                    case "/readyz" -> status(exchange, readiness.get());
                    case "/metrics" -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                            prometheusText.get());
                    default -> respond(exchange, 404, "text/plain; charset=utf-8", "Not found\n");
                }
            }
        });
        server.start();
        return new OpsEndpoint(server, executor);
    }

    private static void status(HttpExchange exchange, Status status) throws IOException {
        String json = "{\"status\":\"" + (status.ok() ? "UP" : "DOWN") + "\",\"detail\":\""
                + status.detail().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}\n";
        respond(exchange, status.ok() ? 200 : 503, "application/json", json);
    }

    private static void respond(HttpExchange exchange, int code, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
