package io.idcardstream.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.idcardstream.serde.SchemaRegistryException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/**
 * Serves an {@link InMemorySchemaRegistry} over the subset of Confluent's Schema Registry REST API that serdes and
 * simple tools use, on the loopback interface only, so other processes (e.g. {@code replay} next to the embedded
 * demo) share the demo's registry through {@link RestSchemaRegistry}:
 * <ul>
 *   <li>{@code POST /subjects/{subject}/versions} register, {@code POST /subjects/{subject}} look up</li>
 *   <li>{@code GET /schemas/ids/{id}}</li>
 *   <li>{@code GET /subjects}, {@code GET /subjects/{subject}/versions},
 *       {@code GET /subjects/{subject}/versions/{version|latest}}</li>
 * </ul>
 * Errors use Confluent's bodies ({@code {"error_code":40401,"message":...}}). No authentication: it is bound to
 * 127.0.0.1 and meant for one machine. Compatibility levels are not enforced (see {@link InMemorySchemaRegistry}).
 *
 * <p>Thread-safe; requests are served by two daemon threads. {@link #close()} stops it.
 */
public final class LocalSchemaRegistryServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final InMemorySchemaRegistry registry;
    private final HttpServer server;
    private final ExecutorService executor;

    private LocalSchemaRegistryServer(InMemorySchemaRegistry registry, HttpServer server, ExecutorService executor) {
        this.registry = registry;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving {@code registry} on 127.0.0.1.
     *
     * @param port the port, or 0 for a free one
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static LocalSchemaRegistryServer start(InMemorySchemaRegistry registry, int port) {
        Objects.requireNonNull(registry, "registry");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, was " + port);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the schema registry on 127.0.0.1:" + port, e);
        }
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "schema-registry-http-" + instance + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        LocalSchemaRegistryServer registryServer = new LocalSchemaRegistryServer(registry, server, executor);
        server.createContext("/", registryServer::handle);
        server.setExecutor(executor);
        server.start();
        return registryServer;
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops serving at once and ends the request threads. */
    @Override
    public void close() {
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
            Reply reply;
            try {
                reply = route(exchange.getRequestMethod(), segments(exchange.getRequestURI()), exchange);
            } catch (SchemaRegistryException e) {
                reply = e.reason() == Reason.NOT_FOUND ? error(404, 40400, e.getMessage())
                        : error(500, 50001, e.getMessage());
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", RestSchemaRegistry.CONTENT_TYPE);
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Reply route(String method, List<String> path, HttpExchange exchange) throws IOException {
        int size = path.size();
        boolean get = "GET".equals(method);
        boolean post = "POST".equals(method);
        if (size == 3 && path.get(0).equals("schemas") && path.get(1).equals("ids") && get) {
            return schemaById(path.get(2));
        }
        if (path.isEmpty() || !path.get(0).equals("subjects")) {
            return error(404, 404, "HTTP 404 Not Found");
        }
        if (size == 1 && get) {
            return ok(JSON.valueToTree(registry.subjects()));
        }
        if (size == 2 && post) {
            return lookUp(path.get(1), readSchema(exchange));
        }
        if (size == 3 && path.get(2).equals("versions") && get) {
            Reply missing = requireSubject(path.get(1));
            return missing != null ? missing : ok(JSON.valueToTree(registry.versions(path.get(1))));
        }
        if (size == 3 && path.get(2).equals("versions") && post) {
            Schema schema = readSchema(exchange);
            return schema == null ? invalidSchema() : ok(JSON.createObjectNode().put("id",
                    registry.register(path.get(1), schema)));
        }
        if (size == 4 && path.get(2).equals("versions") && get) {
            return version(path.get(1), path.get(3));
        }
        return error(405, 405, "HTTP 405 Method Not Allowed");
    }

    private Reply schemaById(String idText) {
        Integer id = parseInt(idText);
        if (id == null) {
            return error(404, 40403, "Schema not found");
        }
        try {
            return ok(JSON.createObjectNode().put("schema", registry.byId(id).toString()));
        } catch (SchemaRegistryException e) {
            return error(404, 40403, "Schema " + id + " not found");
        }
    }

    private Reply lookUp(String subject, Schema schema) {
        Reply missing = requireSubject(subject);
        if (missing != null) {
            return missing;
        }
        if (schema == null) {
            return invalidSchema();
        }
        int id;
        try {
            id = registry.idOf(subject, schema);
        } catch (SchemaRegistryException e) {
            return error(404, 40403, "Schema not found");
        }
        for (int version : registry.versions(subject)) {
            RegisteredSchema registered = registry.version(subject, version);
            if (registered.id() == id) {
                return ok(describe(registered));
            }
        }
        return error(404, 40403, "Schema not found");
    }

    private Reply version(String subject, String versionText) {
        Reply missing = requireSubject(subject);
        if (missing != null) {
            return missing;
        }
        int latest = registry.versions(subject).size();
        Integer version = "latest".equals(versionText) ? Integer.valueOf(latest) : parseInt(versionText);
        if (version == null || version < 1 || version > latest) {
            return error(404, 40402, "Version " + versionText + " not found.");
        }
        return ok(describe(registry.version(subject, version)));
    }

    private Reply requireSubject(String subject) {
        return registry.subjects().contains(subject) ? null
                : error(404, 40401, "Subject '" + subject + "' not found.");
    }

    /** The request's schema, or {@code null} when it is missing, not Avro, or does not parse. */
    private static Schema readSchema(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_REQUEST_BYTES + 1);
        }
        if (body.length > MAX_REQUEST_BYTES) {
            return null;
        }
        try {
            JsonNode request = JSON.readTree(body);
            boolean avro = "AVRO".equals(request.path("schemaType").asText("AVRO"));
            if (!avro || request.path("references").size() > 0 || !request.path("schema").isTextual()) {
                return null;
            }
            return new Schema.Parser().parse(request.path("schema").asText());
        } catch (IOException | RuntimeException e) {
            // SchemaParseException mostly, but Avro 1.12 reports an undefined type name as a NullPointerException
            return null;
        }
    }

    private static ObjectNode describe(RegisteredSchema registered) {
        return JSON.createObjectNode()
                .put("subject", registered.subject())
                .put("version", registered.version())
                .put("id", registered.id())
                .put("schema", registered.schema().toString());
    }

    private static List<String> segments(URI uri) {
        List<String> segments = new ArrayList<>();
        for (String raw : uri.getRawPath().split("/")) {
            if (!raw.isEmpty()) {
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Reply invalidSchema() {
        return error(422, 42201, "Invalid schema: the body must be {\"schema\": \"<Avro schema JSON>\"} of at most "
                + MAX_REQUEST_BYTES + " bytes, without references");
    }

    private static Reply ok(JsonNode body) {
        return new Reply(200, body.toString());
    }

    private static Reply error(int status, int errorCode, String message) {
        return new Reply(status, JSON.createObjectNode().put("error_code", errorCode).put("message", message)
                .toString());
    }

    private record Reply(int status, String body) {
    }
}
