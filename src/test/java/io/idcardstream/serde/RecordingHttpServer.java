package io.idcardstream.serde;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server for REST client tests: answers canned responses per method and raw path and records
 * every request (method, raw path, headers, body). Real HTTP, no mocks. Unknown routes answer 500.
 */
final class RecordingHttpServer implements AutoCloseable {

    /** One request as received. */
    record Recorded(String method, String rawPath, String contentType, String authorization, String body) {
    }

    private record Canned(int status, String body, boolean stall) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "recording-http");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Canned> answers = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    private RecordingHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static RecordingHttpServer start() throws IOException {
        return new RecordingHttpServer();
    }

    /** Answers {@code method rawPath} with {@code status} and a JSON {@code body}. */
    RecordingHttpServer answer(String method, String rawPath, int status, String body) {
        answers.put(method + " " + rawPath, new Canned(status, body, false));
        return this;
    }

    /** Never answers {@code method rawPath} (until {@link #close()}), to make clients time out. */
    RecordingHttpServer stall(String method, String rawPath) {
        answers.put(method + " " + rawPath, new Canned(0, "", true));
        return this;
    }

    List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (requests) {
                requests.add(new Recorded(method, rawPath, exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
            }
            Canned canned = answers.getOrDefault(method + " " + rawPath,
                    new Canned(500, "{\"error_code\":50001,\"message\":\"no canned answer\"}", false));
            if (canned.stall()) {
                released.await(30, TimeUnit.SECONDS);
                return;
            }
            byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(canned.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
