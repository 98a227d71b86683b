package io.idcardstream.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real sockets that send a request one byte at a time ("slowloris"), as a hostile client would to hold a
 * server's readers, plus a socket helper for requests whose framing no HTTP client would produce. Every
 * socket is closed by {@link #close()}.
 */
final class SlowClients implements AutoCloseable {
    private final ExecutorService senders = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "slow-client");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> sockets = new ArrayList<>();
    private final AtomicInteger closedByServer = new AtomicInteger();

    /**
     * Opens {@code count} connections from {@code from} that send {@code request} one byte every
     * {@code pause}, each on its own thread; a connection the server closes is counted.
     */
    void trickle(int count, String from, int port, String request, Duration pause) throws IOException {
        for (int i = 0; i < count; i++) {
            Socket socket = open(from, port);
            synchronized (sockets) {
                sockets.add(socket);
            }
            senders.submit(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    for (byte b : request.getBytes(StandardCharsets.ISO_8859_1)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(pause.toMillis());
                    }
                } catch (IOException e) {
                    closedByServer.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** Connections whose sending failed because the server closed them. */
    int closedByServer() {
        return closedByServer.get();
    }

    /** A connected socket from a local address of our choosing (any 127.x.y.z works on Linux loopback). */
    static Socket open(String from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /**
     * Sends {@code head} (request line and headers, as given) and {@code body}, then reads the whole answer;
     * {@code "reset: …"} or {@code "closed"} when the server dropped the connection without one.
     */
    static String exchange(String from, int port, String head, byte[] body) {
        try (Socket socket = open(from, port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.isEmpty() ? "closed" : answer;
        } catch (IOException e) {
            return "reset: " + e;
        }
    }

    @Override
    public void close() {
        senders.shutdownNow();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        }
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
