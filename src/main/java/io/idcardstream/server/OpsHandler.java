package io.idcardstream.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The operator endpoints, kept off the API path and unauthenticated (they reveal no keys or personal data):
 * {@code GET /healthz} (200 while the process serves), {@code GET /readyz} (200 when a new API request would
 * be admitted, 503 while all places are taken or the server is closing), {@code GET /metrics} (Prometheus
 * text format).
 *
 * <p>Threading notes: stateless apart from what it reads; runs on the HTTP worker threads.
 */
final class OpsHandler implements HttpHandler {
    static final String HEALTH_PATH = "/healthz";
    static final String READY_PATH = "/readyz";
    static final String METRICS_PATH = "/metrics";

    private final BooleanSupplier ready;
    private final ServerMetrics metrics;

    OpsHandler(BooleanSupplier ready, ServerMetrics metrics) {
        this.ready = ready;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            respondText(exchange, 405, "Use GET\n");
            return;
        }
        switch (exchange.getRequestURI().getPath()) {
            case HEALTH_PATH -> respondJson(exchange, 200, "{\"status\":\"UP\"}");
            case READY_PATH -> {
                boolean isReady = ready.getAsBoolean();
                respondJson(exchange, isReady ? 200 : 503, isReady ? "{\"status\":\"READY\"}" : "{\"status\":\"BUSY\"}");
            }
            case METRICS_PATH -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
            default -> respondText(exchange, 404, "Not found\n");
        }
    }

    private static void respondJson(HttpExchange exchange, int status, String json) {
        respond(exchange, status, "application/json", json + "\n");
    }

    static void respondText(HttpExchange exchange, int status, String text) {
        respond(exchange, status, "text/plain; charset=utf-8", text);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        try {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to answer.
        } finally {
            exchange.close();
        }
    }
}
