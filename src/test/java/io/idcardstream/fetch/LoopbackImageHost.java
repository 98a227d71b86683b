package io.idcardstream.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 that serves test images and redirects, and records every request it gets
 * (path and {@code Host} header), in the manner of OkHttp's MockWebServer.
 *
 * <p>Threading notes: routes are added before requests arrive; the recorded list is safe to read at any time.
 */
public final class LoopbackImageHost implements AutoCloseable {

    /** What a request looked like when it arrived. */
    public record RecordedRequest(String method, String path, String host) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    public LoopbackImageHost() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Serves {@code body} at {@code path} with a Content-Length. */
    public LoopbackImageHost image(String path, byte[] body) {
        route(path, exchange -> respond(exchange, 200, body, false));
        return this;
    }

    /** Serves {@code body} at {@code path} with chunked transfer encoding (no Content-Length). */
    public LoopbackImageHost chunkedImage(String path, byte[] body) {
        route(path, exchange -> respond(exchange, 200, body, true));
        return this;
    }

    /** Answers {@code path} with a 302 to {@code location}. */
    public LoopbackImageHost redirect(String path, String location) {
        route(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            respond(exchange, 302, new byte[0], false);
        });
        return this;
    }

    /** Answers {@code path} with {@code status} and an empty body. */
    public LoopbackImageHost status(String path, int status) {
        route(path, exchange -> respond(exchange, status, new byte[0], false));
        return this;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    private interface Route {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void route(String path, Route route) {
        server.createContext(path, exchange -> {
            try (exchange) {
                requests.add(new RecordedRequest(exchange.getRequestMethod(),
                        exchange.getRequestURI().toString(), exchange.getRequestHeaders().getFirst("Host")));
                route.handle(exchange);
            }
        });
    }

    private static void respond(HttpExchange exchange, int status, byte[] body, boolean chunked) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
