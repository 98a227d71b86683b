package io.idcardstream.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /try}: the try-one-image page (HTML, CSS and JavaScript from the class path, no build step), served
 * only when {@code server.web.enabled} is true. The page has no recognition path of its own: its script signs an
 * IDCardOCR call with TC3-HMAC-SHA256 in the browser (WebCrypto) with a key the user types in, and sends it to
 * {@code POST /} like any SDK, so authentication, the per-key rate limit, admission, size limits and the SSRF
 * guard all apply unchanged.
 *
 * <p>Every answer carries a Content-Security-Policy that allows scripts, styles and connections from this origin
 * only (no inline code, no other host), no forms, no framing; images may also come from {@code data:} (the
 * crops), {@code blob:} (the chosen file) and any http(s) host, so an {@code ImageUrl} is shown only when the
 * browser itself can load it: the server never fetches it for the page. {@code nosniff}, {@code no-store} and
 * {@code no-referrer} as well.
 *
 * <p>Threading notes: immutable after construction (the resources are read once); runs on the HTTP worker
 * threads.
 */
final class TryPageHandler implements HttpHandler {
    static final String PATH = "/try";

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob: http: https:; connect-src 'self'; form-action 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private record Resource(String contentType, byte[] bytes) {}

    private final Map<String, Resource> resources;

    TryPageHandler() {
        Resource page = load("try.html", "text/html; charset=utf-8");
        resources = Map.of(
                PATH, page,
                PATH + "/", page,
                PATH + "/try.css", load("try.css", "text/css; charset=utf-8"),
                PATH + "/try.js", load("try.js", "text/javascript; charset=utf-8"),
                PATH + "/tc3.js", load("tc3.js", "text/javascript; charset=utf-8"));
    }

    private static Resource load(String name, String contentType) {
        try (InputStream in = TryPageHandler.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The try page resource web/" + name + " is missing from the jar");
            }
            return new Resource(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the try page resource web/" + name, e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        Resource resource = resources.get(exchange.getRequestURI().getPath());
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", "no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        if (resource == null) {
            respond(exchange, 404, new Resource("text/plain; charset=utf-8",
                    "Not found\n".getBytes(StandardCharsets.UTF_8)));
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            headers.set("Allow", "GET, HEAD");
            respond(exchange, 405, new Resource("text/plain; charset=utf-8",
                    "Use GET\n".getBytes(StandardCharsets.UTF_8)));
        } else {
            respond(exchange, 200, resource);
        }
    }

    private static void respond(HttpExchange exchange, int status, Resource resource) {
        boolean head = exchange.getRequestMethod().equals("HEAD");
        try {
            exchange.getResponseHeaders().set("Content-Type", resource.contentType());
            exchange.sendResponseHeaders(status, head ? -1 : resource.bytes().length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(resource.bytes());
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to answer.
        } finally {
            exchange.close();
        }
    }
}
