package io.idcardstream.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request and its answer on an {@link Http1Connection}, behind the {@link HttpExchange} API the handlers
 * are written against. Every answer closes the connection ({@code Connection: close}): see ApiHandler for why
 * the API keeps no connection alive, and the other paths are rare operator and page requests.
 *
 * <p>As in the JDK's server: {@code sendResponseHeaders(code, n)} sends a body of exactly {@code n} bytes for
 * {@code n > 0}, a chunked body for 0, none for -1; {@link #close()} ends the exchange.
 *
 * <p>Threading notes: the handler may read the request on one thread and answer on another, but not both at
 * once; {@link #close()} is idempotent.
 */
final class Http1Exchange extends HttpExchange {
    private final Http1Connection connection;
    private final String method;
    private final URI uri;
    private final String protocol;
    private final Headers requestHeaders;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private InputStream requestBody = InputStream.nullInputStream();
    private InputStream rawBody = InputStream.nullInputStream();
    private long declaredLength = -1;
    private OutputStream responseBody;
    private int responseCode = -1;
    private boolean closed;

    Http1Exchange(Http1Connection connection, String method, URI uri, String protocol, Headers requestHeaders) {
        this.connection = connection;
        this.method = method;
        this.uri = uri;
        this.protocol = protocol;
        this.requestHeaders = requestHeaders;
    }

    void setRequestBody(InputStream body, long declared, boolean expectContinue) {
        this.rawBody = body;
        this.declaredLength = declared;
        this.requestBody = expectContinue ? new ContinueOnFirstRead(body) : body;
    }

    /** The declared Content-Length, or -1 (none, chunked, or a framing error). */
    long declaredLength() {
        return declaredLength;
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return method;
    }

    @Override
    public HttpContext getHttpContext() {
        return null; // the handlers here do not use contexts
    }

    @Override
    public InputStream getRequestBody() {
        return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        if (responseBody == null) {
            throw new IllegalStateException("sendResponseHeaders must be called first");
        }
        return responseBody;
    }

    @Override
    public synchronized void sendResponseHeaders(int code, long length) throws IOException {
        if (responseCode >= 0) {
            throw new IOException("headers already sent");
        }
        responseCode = code;
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(code).append(' ')
                .append(reason(code)).append("\r\n");
        responseHeaders.set("Connection", "close");
        responseHeaders.remove("Content-Length");
        responseHeaders.remove("Transfer-Encoding");
        if (length > 0) {
            responseHeaders.set("Content-Length", Long.toString(length));
        } else if (length == 0) {
            responseHeaders.set("Transfer-Encoding", "chunked");
        } else {
            responseHeaders.set("Content-Length", "0");
        }
        for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
            for (String value : header.getValue()) {
                head.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        head.append("\r\n");
        OutputStream out = connection.output();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        responseBody = length == 0 ? new ChunkedOutputStream(out) : new NotClosing(out);
        if (length < 0) {
            out.flush();
        }
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return connection.remoteAddress();
    }

    @Override
    public int getResponseCode() {
        return responseCode;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return connection.localAddress();
    }

    @Override
    public String getProtocol() {
        return protocol;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        throw new UnsupportedOperationException("filters that replace the streams are not used here");
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /** Ends the exchange: flushes the answer and closes the connection (lingering when the body was not read). */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (responseBody != null) {
            try {
                responseBody.close();
            } catch (IOException e) {
                // the client went away
            }
        }
        connection.finishLingering(!bodyRead());
    }

    private boolean bodyRead() {
        if (rawBody instanceof Http1Connection.FixedLengthInputStream fixed) {
            return fixed.fullyRead();
        }
        if (rawBody instanceof Http1Connection.ChunkedInputStream chunked) {
            return chunked.fullyRead();
        }
        // No body, or a framing error: whatever the client sends is unread.
        return getAttribute(Http1Server.FRAMING_ERROR) == null;
    }

    private static String reason(int code) {
        return switch (code) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    /** Sends {@code 100 Continue} when the handler first reads a body the client waits to send. */
    private final class ContinueOnFirstRead extends InputStream {
        private final InputStream in;
        private boolean sent;

        ContinueOnFirstRead(InputStream in) {
            this.in = in;
        }

        private void continueOnce() throws IOException {
            synchronized (Http1Exchange.this) {
                if (!sent && responseCode < 0) {
                    OutputStream out = connection.output();
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                sent = true;
            }
        }

        @Override
        public int read() throws IOException {
            continueOnce();
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            continueOnce();
            return in.read(buffer, offset, length);
        }
    }

    /** The socket's stream, flushed but left open when the handler closes it: the exchange closes the socket. */
    private static final class NotClosing extends FilterOutputStream {
        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class ChunkedOutputStream extends FilterOutputStream {
        private boolean ended;

        ChunkedOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return;
            }
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes, offset, length);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                ended = true;
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            flush();
        }
    }
}
