package io.idcardstream.fetch;

import io.idcardstream.fetch.ImageFetchException.Reason;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocketFactory;

/**
 * Downloads {@code ImageUrl} images with the limits of the IDCardOCR API and an SSRF guard.
 *
 * <ul>
 *   <li>Only {@code http} and {@code https} URLs without user info.
 *   <li>Each hop's host is resolved <em>once</em>; every address is checked by the guard (loopback and
 *       private ranges only when allowed; link-local, metadata, multicast, unspecified and reserved never);
 *       the connection goes to a checked address, so DNS rebinding cannot swap in another one.
 *   <li>Redirects are followed up to {@link Settings#maxRedirects()}, each hop checked again.
 *   <li>One deadline covers resolution, connection, TLS, redirects and the body; the body is limited to
 *       {@link Settings#maxBytes()} while it is read.
 * </ul>
 *
 * <p>Messages name the host at most, never the URL (query strings often carry signatures).
 *
 * <p>Threading notes: thread-safe; {@link #fetch} blocks the caller for at most {@link Settings#timeout()}
 * (plus scheduling jitter). Name resolution runs on the fetcher's own daemon threads so that its wait is
 * bounded too; they stop by themselves when idle.
 */
public final class GuardedImageFetcher implements ImageFetcher {

    /**
     * @param timeout total deadline of one download (the API's is 3 s)
     * @param maxBytes largest body accepted
     * @param maxRedirects redirects followed, 0..20
     * @param allowLoopback allow 127.0.0.0/8 and ::1
     * @param allowPrivate allow RFC 1918, 100.64.0.0/10 and fc00::/7 (never the metadata addresses)
     */
    public record Settings(Duration timeout, int maxBytes, int maxRedirects, boolean allowLoopback,
                           boolean allowPrivate) {

        /** The API's limits (3 s; 3 MiB after Base64 encoding = 2,359,296 bytes), three redirects, public only. */
        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(3), 2_359_296, 3, false, false);

        public Settings {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive but was " + timeout);
            }
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be at least 1 but was " + maxBytes);
            }
            if (maxRedirects < 0 || maxRedirects > 20) {
                throw new IllegalArgumentException("maxRedirects must be in [0, 20] but was " + maxRedirects);
            }
        }

        public Settings withAllowLoopback(boolean allow) {
            return new Settings(timeout, maxBytes, maxRedirects, allow, allowPrivate);
        }

        public Settings withTimeout(Duration newTimeout) {
            return new Settings(newTimeout, maxBytes, maxRedirects, allowLoopback, allowPrivate);
        }

        public Settings withMaxBytes(int newMaxBytes) {
            return new Settings(timeout, newMaxBytes, maxRedirects, allowLoopback, allowPrivate);
        }

        public Settings withMaxRedirects(int newMaxRedirects) {
            return new Settings(timeout, maxBytes, newMaxRedirects, allowLoopback, allowPrivate);
        }
    }

    private final Settings settings;
    private final AddressGuard guard;
    private final HostResolver resolver;
    private final SSLSocketFactory tlsFactory;
    private final ExecutorService resolverThreads;

    /** A fetcher using the system resolver and the JVM's default TLS trust. */
    public GuardedImageFetcher(Settings settings) {
        this(settings, HostResolver.SYSTEM, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    public GuardedImageFetcher(Settings settings, HostResolver resolver, SSLSocketFactory tlsFactory) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.tlsFactory = Objects.requireNonNull(tlsFactory, "tlsFactory");
        this.guard = new AddressGuard(settings.allowLoopback(), settings.allowPrivate());
        this.resolverThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "image-fetch-resolver");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public byte[] fetch(String url) throws ImageFetchException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        URI current = parse(url);
        for (int redirects = 0; ; redirects++) {
            PinnedHttpGet.Outcome outcome = PinnedHttpGet.get(target(current, deadline), deadline,
                    settings.maxBytes(), tlsFactory);
            if (outcome.location() == null) {
                return outcome.body();
            }
            if (redirects == settings.maxRedirects()) {
                throw new ImageFetchException(Reason.DOWNLOAD_FAILED, "More than " + settings.maxRedirects()
                        + " redirects, the last from " + current.getHost());
            }
            try {
                current = current.resolve(new URI(outcome.location()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new ImageFetchException(Reason.DOWNLOAD_FAILED, "Invalid redirect location from "
                        + current.getHost());
            }
        }
    }

    private static URI parse(String url) throws ImageFetchException {
        try {
            return new URI(Objects.requireNonNull(url, "url").trim());
        } catch (URISyntaxException e) {
            throw new ImageFetchException(Reason.REFUSED, "ImageUrl is not a valid URL");
        }
    }

    /** Checks scheme and host, resolves the host and checks every address. */
    private PinnedHttpGet.Target target(URI uri, long deadline) throws ImageFetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ImageFetchException(Reason.REFUSED, "Only http and https URLs are fetched, not '"
                    + (scheme.isEmpty() ? "(none)" : scheme) + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new ImageFetchException(Reason.REFUSED, "ImageUrl has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ImageFetchException(Reason.REFUSED, "ImageUrl must not carry user info (" + host + ")");
        }
        boolean tls = scheme.equals("https");
        int defaultPort = tls ? 443 : 80;
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        if (port < 1 || port > 65_535) {
            throw new ImageFetchException(Reason.REFUSED, "ImageUrl has an invalid port");
        }
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses = resolve(bareHost, deadline);
        for (InetAddress address : addresses) {
            AddressGuard.Verdict verdict = guard.check(address);
            if (verdict != AddressGuard.Verdict.ALLOWED) {
                throw new ImageFetchException(Reason.REFUSED, "Host " + host + " resolves to "
                        + verdict.description() + ", which image downloads may not reach");
            }
        }
        String hostHeader = port == defaultPort ? host : host + ":" + port;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new PinnedHttpGet.Target(tls, bareHost, port, hostHeader, pathAndQuery, addresses);
    }

    private List<InetAddress> resolve(String host, long deadline) throws ImageFetchException {
        CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return resolver.resolve(host);
            } catch (UnknownHostException e) {
                throw new CompletionException(e);
            }
        }, resolverThreads);
        try {
            InetAddress[] addresses = lookup.get(Math.max(1, PinnedHttpGet.remainingMillis(deadline)),
                    TimeUnit.MILLISECONDS);
            if (addresses == null || addresses.length == 0) {
                throw new ImageFetchException(Reason.DOWNLOAD_FAILED, "Host " + host + " has no address");
            }
            return List.of(addresses);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new ImageFetchException(Reason.TIMEOUT, "Resolving " + host + " did not finish within the deadline");
        } catch (ExecutionException e) {
            throw new ImageFetchException(Reason.DOWNLOAD_FAILED, "Host " + host + " was not found", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageFetchException(Reason.DOWNLOAD_FAILED, "Interrupted while resolving " + host, e);
        }
    }
}
