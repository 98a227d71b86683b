package io.idcardstream.server;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server (one request per connection) that runs {@code com.sun.net.httpserver} handlers, with
 * the limits the JDK's own server cannot give (issue 11, defects 3 and 8):
 * <ul>
 *   <li>a cap on open connections per client address and in all, checked when a connection is accepted,
 *       before anything is read from it (the JDK server only sees a client's address once its headers arrived);
 *   <li>a deadline for the request line and headers and another for the body, each covering the whole part
 *       (not only the pause between two bytes, so a client sending one byte a second cannot stretch it);
 *   <li>one thread per open connection, up to the cap, so a slow client holds only its own thread, never one
 *       that other clients wait for (the JDK server reads headers on a shared pool);
 *   <li>request framing checked by us: a malformed, negative, repeated or conflicting {@code Content-Length}
 *       reaches the handler as a framing error ({@link #FRAMING_ERROR}) so the API can answer it in its own
 *       envelope (the JDK server answers an HTML 400 and closes with the body unread, which the client sees
 *       as a reset); {@code Expect: 100-continue} is answered only when the handler reads the body, so a body
 *       refused for its declared length is never sent;
 *   <li>a last-resort deadline per connection that closes it whatever it is doing (a client that never reads
 *       its answer).
 * </ul>
 * Closing a connection whose request body was not read to the end first half-closes it and drops what the
 * client still sends for a bounded time and amount ("lingering close", as httpd does): closing with unread
 * bytes makes the kernel send a reset, which can destroy the answer before the client reads it.
 *
 * <p>Handlers are picked by the longest registered path prefix, as the JDK server does.
 *
 * <p>Threading notes: {@link #start} and {@link #close} from any thread. One acceptor thread; one thread per
 * open connection from a pool capped at {@code maxConnections}; one watchdog thread for the connection
 * deadlines. Handlers may answer on other threads (the API answers from its answer pool).
 */
final class Http1Server implements AutoCloseable {
    /** Exchange attribute set when the request's framing is invalid; its value says why (a String). */
    static final String FRAMING_ERROR = "io.idcardstream.server.framingError";

    private static final Logger log = LoggerFactory.getLogger(Http1Server.class);

    /**
     * @param maxConnections open connections in all; beyond it a new connection is closed at once
     * @param maxConnectionsPerAddress open connections from one client address; 0 = no per-address cap
     * @param headerTimeout time for the request line and all headers to arrive, from the connection's accept
     * @param bodyTimeout time for the whole body to arrive, from the end of the headers
     * @param connectionTimeout time after which a connection is closed whatever it is doing
     * @param maxHeadBytes largest request line plus headers
     * @param lingerBytes most bytes of an unread body dropped after the answer before closing
     */
    record Limits(int maxConnections, int maxConnectionsPerAddress, Duration headerTimeout, Duration bodyTimeout,
                  Duration connectionTimeout, int maxHeadBytes, long lingerBytes) {}

    /** What the server tells its owner about connections it refused or gave up on (metrics). */
    interface Listener {
        /** A connection closed at accept: the per-address or total cap was reached. */
        void connectionRejected(boolean perAddress);

        /** A connection closed because its headers or body missed their deadline. */
        void connectionTimedOut();
    }

    private final String name;
    private final Limits limits;
    private final Listener listener;
    private final List<Map.Entry<String, HttpHandler>> contexts;
    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor connectionThreads;
    private final ScheduledExecutorService watchdog;
    private final Map<InetAddress, Integer> openPerAddress = new HashMap<>();
    private final Set<Http1Connection> open = ConcurrentHashMap.newKeySet();
    private int openTotal;
    private final Thread acceptor;
    private volatile boolean closed;

    Http1Server(String name, InetSocketAddress bind, Limits limits, Map<String, HttpHandler> contexts,
                Listener listener) throws IOException {
        this.name = name;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.listener = Objects.requireNonNull(listener, "listener");
        List<Map.Entry<String, HttpHandler>> byLength = new ArrayList<>(contexts.entrySet());
        byLength.sort(Comparator.comparingInt((Map.Entry<String, HttpHandler> e) -> e.getKey().length()).reversed());
        this.contexts = List.copyOf(byLength);
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(bind, 128);
        AtomicInteger counter = new AtomicInteger();
        // No queue: the caps below never let more connections in than the pool has threads.
        this.connectionThreads = new ThreadPoolExecutor(0, limits.maxConnections(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> daemon(runnable, name + "-conn-" + counter.incrementAndGet()));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                runnable -> daemon(runnable, name + "-deadlines"));
        timer.setRemoveOnCancelPolicy(true);
        this.watchdog = timer;
        this.acceptor = daemon(this::acceptLoop, name + "-accept");
    }

    void start() {
        acceptor.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    Limits limits() {
        return limits;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("{}: accept failed: {}", name, e.getClass().getSimpleName());
                }
                continue;
            }
            InetAddress from = socket.getInetAddress();
            Boolean perAddressFull = reserve(from);
            if (perAddressFull != null) {
                listener.connectionRejected(perAddressFull);
                Http1Connection.closeQuietly(socket);
                continue;
            }
            Http1Connection connection = new Http1Connection(socket, this);
            open.add(connection);
            try {
                connection.scheduleDeadline(watchdog);
                connectionThreads.execute(connection);
            } catch (RejectedExecutionException e) {
                connection.finish();
            }
        }
    }

    /** Takes a place for a connection from {@code from}; null when taken, else whether the per-address cap hit. */
    private synchronized Boolean reserve(InetAddress from) {
        int fromAddress = openPerAddress.getOrDefault(from, 0);
        if (limits.maxConnectionsPerAddress() > 0 && fromAddress >= limits.maxConnectionsPerAddress()) {
            return true;
        }
        if (openTotal >= limits.maxConnections()) {
            return false;
        }
        openPerAddress.put(from, fromAddress + 1);
        openTotal++;
        return null;
    }

    /** Gives back the place of a finished connection (called once per connection). */
    synchronized void release(Http1Connection connection) {
        open.remove(connection);
        openPerAddress.computeIfPresent(connection.remoteAddress().getAddress(), (k, n) -> n <= 1 ? null : n - 1);
        openTotal--;
    }

    /** The handler of the longest registered prefix of {@code path}, or null. */
    HttpHandler handlerFor(String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        for (Map.Entry<String, HttpHandler> context : contexts) {
            if (p.startsWith(context.getKey())) {
                return context.getValue();
            }
        }
        return null;
    }

    Listener listener() {
        return listener;
    }

    /** Open connections (for tests and metrics). */
    synchronized int openConnections() {
        return openTotal;
    }

    /** Stops accepting, closes every open connection and stops the threads. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Http1Connection connection : List.copyOf(open)) {
            connection.finish();
        }
        connectionThreads.shutdownNow();
        watchdog.shutdownNow();
        try {
            acceptor.join(5_000);
            if (!connectionThreads.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("{}: connection threads did not stop within 5 s", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable runnable, String threadName) {
        Thread thread = new Thread(runnable, threadName);
        thread.setDaemon(true);
        return thread;
    }

    /** A closed socket's exception is how a deadline shows itself to the thread that was reading. */
    static boolean closedUnderneath(IOException e) {
        return e instanceof SocketException;
    }
}
