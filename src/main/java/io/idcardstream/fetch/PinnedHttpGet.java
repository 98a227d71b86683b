package io.idcardstream.fetch;

import io.idcardstream.fetch.ImageFetchException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 {@code GET} over a socket connected to an address the caller has already checked. This is why
 * the fetcher does not use {@code java.net.http.HttpClient}: that client resolves host names itself, so the
 * address it connects to could differ from the one the guard approved. Here the TCP connection goes to the
 * approved address, while the {@code Host} header, TLS SNI and certificate check use the URL's host name.
 *
 * <p>Only what an image download needs: {@code Connection: close}, no compression, bodies framed by
 * {@code Content-Length}, chunked encoding or the end of the stream; the body is limited while it is read and
 * every read waits at most until the deadline.
 *
 * <p>Threading notes: each call uses its own socket; the class has no state.
 */
final class PinnedHttpGet {
    private static final int MAX_LINE_BYTES = 8 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    /** A body, or the {@code Location} of a redirect. */
    record Outcome(byte[] body, String location) {}

    /** A request target whose host has been resolved to checked addresses. */
    record Target(boolean tls, String host, int port, String hostHeader, String pathAndQuery,
                  List<InetAddress> addresses) {}

    private PinnedHttpGet() {}

    static Outcome get(Target target, long deadlineNanos, int maxBytes, SSLSocketFactory tlsFactory)
            throws ImageFetchException {
        try (Socket socket = connect(target, deadlineNanos)) {
            Socket channel = target.tls() ? startTls(socket, target, deadlineNanos, tlsFactory) : socket;
            OutputStream out = channel.getOutputStream();
            out.write(("GET " + target.pathAndQuery() + " HTTP/1.1\r\n"
                    + "Host: " + target.hostHeader() + "\r\n"
                    + "User-Agent: idcard-stream-image-fetch\r\n"
                    + "Accept: image/*, */*;q=0.5\r\n"
                    + "Accept-Encoding: identity\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new DeadlineInputStream(channel, deadlineNanos);
            return readResponse(in, target.host(), maxBytes);
        } catch (SocketTimeoutException e) {
            throw timeout(target.host());
        } catch (IOException e) {
            throw new ImageFetchException(Reason.DOWNLOAD_FAILED,
                    "Could not download the image from " + target.host() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static Socket connect(Target target, long deadlineNanos) throws ImageFetchException {
        IOException last = null;
        for (InetAddress address : target.addresses()) {
            int remaining = remainingMillis(deadlineNanos);
            if (remaining <= 0) {
                throw timeout(target.host());
            }
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, target.port()), remaining);
                return socket;
            } catch (SocketTimeoutException e) {
                closeQuietly(socket);
                throw timeout(target.host());
            } catch (IOException e) {
                closeQuietly(socket);
                last = e;
            }
        }
        throw new ImageFetchException(Reason.DOWNLOAD_FAILED, "Could not connect to " + target.host() + ": "
                + (last == null ? "no address" : last.getClass().getSimpleName()), last);
    }

    private static Socket startTls(Socket socket, Target target, long deadlineNanos, SSLSocketFactory tlsFactory)
            throws IOException {
        SSLSocket tls = (SSLSocket) tlsFactory.createSocket(socket, target.host(), target.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(Math.max(1, remainingMillis(deadlineNanos)));
        tls.startHandshake();
        return tls;
    }

    private static Outcome readResponse(InputStream in, String host, int maxBytes)
            throws IOException, ImageFetchException {
        int status;
        Map<String, String> headers;
        do {
            status = parseStatus(readLine(in), host);
            headers = readHeaders(in, host);
        } while (status >= 100 && status < 200);

        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            String location = headers.get("location");
            if (location == null || location.isBlank()) {
                throw new ImageFetchException(Reason.DOWNLOAD_FAILED,
                        "HTTP " + status + " from " + host + " without a Location header");
            }
            return new Outcome(null, location.trim());
        }
        if (status != 200) {
            throw new ImageFetchException(Reason.DOWNLOAD_FAILED, "HTTP " + status + " from " + host);
        }
        String transferEncoding = headers.get("transfer-encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return new Outcome(readChunked(in, host, maxBytes), null);
        }
        String contentLength = headers.get("content-length");
        if (contentLength != null) {
            long length = parseLength(contentLength, host);
            if (length > maxBytes) {
                throw tooLarge(host, maxBytes);
            }
            return new Outcome(readExactly(in, (int) length), null);
        }
        return new Outcome(readToEnd(in, host, maxBytes), null);
    }

    private static int parseStatus(String line, String host) throws ImageFetchException {
        // "HTTP/1.1 200 OK"
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || parts[1].length() != 3) {
            throw new ImageFetchException(Reason.DOWNLOAD_FAILED, "Not an HTTP/1.x answer from " + host);
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new ImageFetchException(Reason.DOWNLOAD_FAILED, "Not an HTTP/1.x answer from " + host);
        }
    }

    private static Map<String, String> readHeaders(InputStream in, String host)
            throws IOException, ImageFetchException {
        Map<String, String> headers = new HashMap<>();
        int total = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            total += line.length() + 2;
            if (total > MAX_HEADER_BYTES) {
                throw new ImageFetchException(Reason.DOWNLOAD_FAILED, "Headers from " + host + " are too large");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                if (name.equals("content-length") && headers.containsKey(name) && !headers.get(name).equals(value)) {
                    throw new ImageFetchException(Reason.DOWNLOAD_FAILED,
                            "Conflicting Content-Length headers from " + host);
                }
                headers.putIfAbsent(name, value);
            }
        }
        return headers;
    }

    private static long parseLength(String value, String host) throws ImageFetchException {
        try {
            long length = Long.parseLong(value.trim());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ImageFetchException(Reason.DOWNLOAD_FAILED, "Invalid Content-Length from " + host);
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new EOFException("body ended after " + body.length + " of " + length + " bytes");
        }
        return body;
    }

    private static byte[] readToEnd(InputStream in, String host, int maxBytes)
            throws IOException, ImageFetchException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (body.size() + n > maxBytes) {
                throw tooLarge(host, maxBytes);
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    private static byte[] readChunked(InputStream in, String host, int maxBytes)
            throws IOException, ImageFetchException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int extension = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new ImageFetchException(Reason.DOWNLOAD_FAILED, "Invalid chunked body from " + host);
            }
            if (size < 0) {
                throw new ImageFetchException(Reason.DOWNLOAD_FAILED, "Invalid chunked body from " + host);
            }
            if (size == 0) {
                readHeaders(in, host); // trailers
                return body.toByteArray();
            }
            if (body.size() + size > maxBytes) {
                throw tooLarge(host, maxBytes);
            }
            body.write(readExactly(in, (int) size));
            if (!readLine(in).isEmpty()) {
                throw new ImageFetchException(Reason.DOWNLOAD_FAILED, "Invalid chunked body from " + host);
            }
        }
    }

    /** A CRLF- (or LF-) terminated line in ISO-8859-1, without the terminator. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the middle of a line");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new IOException("line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
    }

    static int remainingMillis(long deadlineNanos) {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    private static ImageFetchException timeout(String host) {
        return new ImageFetchException(Reason.TIMEOUT, "Downloading the image from " + host
                + " did not finish within the deadline");
    }

    private static ImageFetchException tooLarge(String host, int maxBytes) {
        return new ImageFetchException(Reason.TOO_LARGE, "The image from " + host + " is larger than " + maxBytes
                + " bytes");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing was sent on it
        }
    }

    /** Buffered reads that each wait at most until the deadline, so the whole download does too. */
    private static final class DeadlineInputStream extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadlineNanos;
        private final byte[] buffer = new byte[16 * 1024];
        private int position;
        private int limit;

        DeadlineInputStream(Socket socket, long deadlineNanos) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadlineNanos = deadlineNanos;
        }

        private boolean fill() throws IOException {
            int remaining = remainingMillis(deadlineNanos);
            if (remaining <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout(remaining);
            int n = in.read(buffer);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }

        @Override
        public int read() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position == limit && !fill()) {
                return -1;
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }
    }
}
