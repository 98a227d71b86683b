package io.idcardstream.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted connection of {@link Http1Server}: reads the request line and headers within the header deadline,
 * checks the framing, hands an {@link Http1Exchange} to the handler (the body is read within the body deadline),
 * and is finished (closed, its place given back) when the exchange is closed, or when the connection deadline
 * passes.
 *
 * <p>Threading notes: {@link #run} on the connection's own thread; {@link #finish} from any thread, once.
 */
final class Http1Connection implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Http1Connection.class);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    /** Most time spent dropping an unread body after the answer, so the client reads the answer. */
    private static final long LINGER_MILLIS = 2_000;

    private final Socket socket;
    private final Http1Server server;
    private final InetSocketAddress remote;
    private final long acceptedNanos = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile ScheduledFuture<?> deadline;
    private DeadlineInputStream deadlineInput;

    Http1Connection(Socket socket, Http1Server server) {
        this.socket = socket;
        this.server = server;
        this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    InetSocketAddress remoteAddress() {
        return remote;
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void scheduleDeadline(ScheduledExecutorService watchdog) {
        deadline = watchdog.schedule(() -> {
            if (!finished.get()) {
                server.listener().connectionTimedOut();
                finish();
            }
        }, server.limits().connectionTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        Http1Exchange exchange = null;
        try {
            socket.setTcpNoDelay(true);
            deadlineInput = new DeadlineInputStream(socket, acceptedNanos + server.limits().headerTimeout().toNanos(),
                    server.listener());
            BufferedInputStream in = new BufferedInputStream(deadlineInput, 8192);
            List<String> head = readHead(in, server.limits().maxHeadBytes());
            if (head == null) {
                finish();
                return;
            }
            String[] requestLine = head.get(0).split(" ", -1);
            URI uri = requestLine.length == 3 && requestLine[2].startsWith("HTTP/1.") ? uri(requestLine[1]) : null;
            Headers headers = uri == null ? null : headers(head.subList(1, head.size()));
            if (uri == null || headers == null) {
                plainAnswer(400, "Bad Request", "Bad request line or header\n");
                return;
            }
            exchange = new Http1Exchange(this, requestLine[0], uri, requestLine[2], headers);
            frame(exchange, headers, in);
            deadlineInput.setDeadline(System.nanoTime() + server.limits().bodyTimeout().toNanos());
            HttpHandler handler = server.handlerFor(uri.getPath());
            if (handler == null) {
                plainAnswer(404, "Not Found", "Not found\n");
                return;
            }
            handler.handle(exchange);
        } catch (HeadTooLarge e) {
            plainAnswer(431, "Request Header Fields Too Large", "The request line and headers are too large\n");
        } catch (IOException e) {
            // Deadline, reset or closed by the watchdog: nothing to answer.
            finish();
        } catch (RuntimeException e) {
            log.error("Request handling failed: {}", e.getClass().getName());
            if (exchange != null) {
                exchange.close();
            } else {
                finish();
            }
        }
    }

    /** Sets the body stream from Content-Length / Transfer-Encoding, or marks a framing error. */
    private static void frame(Http1Exchange exchange, Headers headers, InputStream in) {
        List<String> lengths = headers.get("Content-Length");
        List<String> encodings = headers.get("Transfer-Encoding");
        String error = null;
        InputStream body = InputStream.nullInputStream();
        long declared = -1;
        if (lengths != null && encodings != null) {
            error = "The request has both Content-Length and Transfer-Encoding.";
        } else if (lengths != null) {
            if (lengths.size() != 1 || !DIGITS.matcher(lengths.get(0).trim()).matches()) {
                error = "Content-Length must be given once, as a non-negative decimal number.";
            } else {
                declared = Long.parseLong(lengths.get(0).trim());
                body = new FixedLengthInputStream(in, declared);
            }
        } else if (encodings != null) {
            if (encodings.size() != 1 || !encodings.get(0).trim().equalsIgnoreCase("chunked")) {
                error = "Transfer-Encoding must be chunked.";
            } else {
                body = new ChunkedInputStream(in);
            }
        }
        boolean expectContinue = "100-continue".equalsIgnoreCase(headers.getFirst("Expect"));
        exchange.setRequestBody(error == null ? body : InputStream.nullInputStream(), declared, expectContinue);
        if (error != null) {
            exchange.setAttribute(Http1Server.FRAMING_ERROR, error);
        }
    }

    /** Lines of the head without their CRLF; null when the client closed before sending anything. */
    private static List<String> readHead(InputStream in, int maxBytes) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (lines.isEmpty() && line.size() == 0) {
                    return null;
                }
                throw new IOException("the connection ended inside the request head");
            }
            if (++total > maxBytes) {
                throw new HeadTooLarge();
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                line.reset();
                if (text.isEmpty()) {
                    if (lines.isEmpty()) {
                        continue; // a stray empty line before the request line is allowed (RFC 9112, 2.2)
                    }
                    return lines;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
    }

    private static URI uri(String target) {
        try {
            URI uri = new URI(target);
            return uri.getRawPath() == null ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The header fields, or null when one is malformed (no colon, a bad name, obsolete line folding). */
    private static Headers headers(List<String> lines) {
        Headers headers = new Headers();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                return null;
            }
            String name = line.substring(0, colon);
            if (!name.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
                return null;
            }
            headers.add(name, line.substring(colon + 1).trim());
        }
        return headers;
    }

    /** A plain-text answer from the transport itself (the request never reached a handler), then finish. */
    private void plainAnswer(int status, String reason, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // the client went away
        }
        finishLingering(true);
    }

    OutputStream output() throws IOException {
        return socket.getOutputStream();
    }

    /**
     * Closes after an answer: when the request body was not read to its end, first half-close and drop what the
     * client still sends (bounded), so the kernel does not reset the connection under the answer.
     */
    void finishLingering(boolean bodyLeft) {
        if (finished.get()) {
            return;
        }
        if (bodyLeft) {
            try {
                socket.shutdownOutput();
                deadlineInput.setDeadline(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS));
                deadlineInput.quiet();
                byte[] drop = new byte[16 * 1024];
                long dropped = 0;
                for (int n = deadlineInput.read(drop); n >= 0 && dropped < server.limits().lingerBytes();
                        n = deadlineInput.read(drop)) {
                    dropped += n;
                }
            } catch (IOException | RuntimeException e) {
                // done lingering
            }
        }
        finish();
    }

    /** Closes the socket and gives the place back. Idempotent, any thread. */
    void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> pending = deadline;
        if (pending != null) {
            pending.cancel(false);
        }
        closeQuietly(socket);
        server.release(this);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static final class HeadTooLarge extends IOException {
        HeadTooLarge() {
            super("request head too large");
        }
    }

    /**
     * The socket's input with a deadline for a whole part of the request: before each read the socket's timeout
     * is set to the time left, so no sequence of slow reads outlives the deadline.
     */
    static final class DeadlineInputStream extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final Http1Server.Listener listener;
        private volatile long deadlineNanos;
        private volatile boolean quiet;

        DeadlineInputStream(Socket socket, long deadlineNanos, Http1Server.Listener listener) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadlineNanos = deadlineNanos;
            this.listener = listener;
        }

        void setDeadline(long nanos) {
            deadlineNanos = nanos;
        }

        /** From now on a missed deadline is expected (lingering) and not counted. */
        void quiet() {
            quiet = true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (left <= 0) {
                throw timedOut();
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            try {
                return in.read(buffer, offset, length);
            } catch (SocketTimeoutException e) {
                throw timedOut();
            }
        }

        private SocketTimeoutException timedOut() {
            if (!quiet) {
                listener.connectionTimedOut();
            }
            return new SocketTimeoutException("the request did not arrive within its deadline");
        }
    }

    /** Exactly {@code length} bytes of the underlying stream; a short body is an error, not an end. */
    static final class FixedLengthInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        FixedLengthInputStream(InputStream in, long length) {
            this.in = in;
            this.remaining = length;
        }

        boolean fullyRead() {
            return remaining == 0;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n < 0) {
                throw new IOException("the body ended " + remaining + " bytes early");
            }
            remaining -= n;
            return n;
        }
    }

    /** A chunked body (RFC 9112, 7.1); trailers are read and dropped. */
    static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private long chunkLeft;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        boolean fullyRead() {
            return done;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (chunkLeft == 0) {
                String size = line();
                int semicolon = size.indexOf(';');
                String hex = (semicolon >= 0 ? size.substring(0, semicolon) : size).trim();
                if (!hex.matches("[0-9a-fA-F]{1,15}")) {
                    throw new IOException("bad chunk size");
                }
                chunkLeft = Long.parseLong(hex, 16);
                if (chunkLeft == 0) {
                    for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                        // trailers carry nothing the API uses
                    }
                    done = true;
                    return -1;
                }
            }
            int n = in.read(buffer, offset, (int) Math.min(length, chunkLeft));
            if (n < 0) {
                throw new IOException("the body ended inside a chunk");
            }
            chunkLeft -= n;
            if (chunkLeft == 0 && !line().isEmpty()) {
                throw new IOException("a chunk is longer than its size");
            }
            return n;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the body ended inside a chunk header");
                }
                if (line.length() > 1024) {
                    throw new IOException("chunk header too long");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString().toLowerCase(Locale.ROOT);
        }
    }
}
