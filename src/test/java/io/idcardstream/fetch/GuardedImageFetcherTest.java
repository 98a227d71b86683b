package io.idcardstream.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.idcardstream.fetch.ImageFetchException.Reason;
import io.idcardstream.fetch.LoopbackImageHost.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardedImageFetcherTest {
    private static final Duration SAFETY = Duration.ofSeconds(10);

    private final LoopbackImageHost host = new LoopbackImageHost();
    private final GuardedImageFetcher.Settings loopbackAllowed =
            GuardedImageFetcher.Settings.DEFAULTS.withAllowLoopback(true);

    @AfterEach
    void closeHost() {
        host.close();
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }

    private static ImageFetchException fetchFailure(GuardedImageFetcher fetcher, String url) {
        return assertTimeoutPreemptively(SAFETY, () -> {
            try {
                fetcher.fetch(url);
            } catch (ImageFetchException e) {
                return e;
            }
            throw new AssertionError("expected the fetch of " + url + " to fail");
        });
    }

    @Test
    void shouldDownloadImageFromLoopbackWhenLoopbackIsAllowed() throws Exception {
        // Given
        byte[] image = bytes(50_000, 7);
        host.image("/cards/front.jpg", image);
        GuardedImageFetcher fetcher = new GuardedImageFetcher(loopbackAllowed);

        // When
        byte[] fetched = fetcher.fetch(host.url("/cards/front.jpg?sig=abc"));

        // Then
        assertThat(fetched).isEqualTo(image);
        assertThat(host.requests()).containsExactly(
                new RecordedRequest("GET", "/cards/front.jpg?sig=abc", "127.0.0.1:" + host.port()));
    }

    @Test
    void shouldDownloadChunkedImage() throws Exception {
        // Given
        byte[] image = bytes(100_000, 3);
        host.chunkedImage("/chunked.jpg", image);
        GuardedImageFetcher fetcher = new GuardedImageFetcher(loopbackAllowed);

        // When
        byte[] fetched = fetcher.fetch(host.url("/chunked.jpg"));

        // Then
        assertThat(fetched).isEqualTo(image);
    }

    @Test
    void shouldRefuseLoopbackByDefaultWithoutConnecting() {
        // Given
        host.image("/a.jpg", bytes(10, 1));
        GuardedImageFetcher fetcher = new GuardedImageFetcher(GuardedImageFetcher.Settings.DEFAULTS);

        // When
        ImageFetchException failure = fetchFailure(fetcher, host.url("/a.jpg"));

        // Then
        assertThat(failure.reason()).isEqualTo(Reason.REFUSED);
        assertThat(failure.getMessage())
                .isEqualTo("Host 127.0.0.1 resolves to a loopback address, which image downloads may not reach");
        assertThat(host.requests()).isEmpty();
    }

    @Test
    void shouldRefuseMetadataAddressesEvenWhenPrivateAndLoopbackAreAllowed() {
        // Given
        GuardedImageFetcher fetcher = new GuardedImageFetcher(
                new GuardedImageFetcher.Settings(Duration.ofSeconds(3), 1_000, 3, true, true));

        // When
        List<String> messages = new ArrayList<>();
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest",
                "http://[::ffff:169.254.169.254]/", "https://169.254.0.23/meta-data")) {
            ImageFetchException failure = fetchFailure(fetcher, url);
            messages.add(failure.reason() + " " + failure.getMessage());
        }

        // Then
        assertThat(messages).containsExactly(
                "REFUSED Host 169.254.169.254 resolves to a cloud metadata address, which image downloads may not reach",
                "REFUSED Host [fd00:ec2::254] resolves to a cloud metadata address, which image downloads may not reach",
                "REFUSED Host [::ffff:169.254.169.254] resolves to a cloud metadata address, which image downloads "
                        + "may not reach",
                "REFUSED Host 169.254.0.23 resolves to a link-local address, which image downloads may not reach");
    }

    @Test
    void shouldRefuseSchemesOtherThanHttpAndHttps() {
        // Given
        GuardedImageFetcher fetcher = new GuardedImageFetcher(loopbackAllowed);

        // When
        List<String> messages = new ArrayList<>();
        for (String url : List.of("file:///etc/passwd", "ftp://127.0.0.1/a.jpg", "gopher://127.0.0.1:70/_x",
                "jar:file:/tmp/a.jar!/a.jpg", "/relative/a.jpg", "http://user:pw@127.0.0.1/a.jpg", "http:// bad")) {
            ImageFetchException failure = fetchFailure(fetcher, url);
            messages.add(failure.reason() + " " + failure.getMessage());
        }

        // Then
        assertThat(messages).containsExactly(
                "REFUSED Only http and https URLs are fetched, not 'file'",
                "REFUSED Only http and https URLs are fetched, not 'ftp'",
                "REFUSED Only http and https URLs are fetched, not 'gopher'",
                "REFUSED Only http and https URLs are fetched, not 'jar'",
                "REFUSED Only http and https URLs are fetched, not '(none)'",
                "REFUSED ImageUrl must not carry user info (127.0.0.1)",
                "REFUSED ImageUrl is not a valid URL");
    }

    @Test
    void shouldFollowRedirectsCheckingEveryHop() throws Exception {
        // Given
        byte[] image = bytes(2_000, 5);
        host.redirect("/first", "/second").redirect("/second", host.url("/final.jpg")).image("/final.jpg", image);
        GuardedImageFetcher fetcher = new GuardedImageFetcher(loopbackAllowed);

        // When
        byte[] fetched = fetcher.fetch(host.url("/first"));

        // Then
        assertThat(fetched).isEqualTo(image);
        assertThat(host.requests()).extracting(RecordedRequest::path)
                .containsExactly("/first", "/second", "/final.jpg");
    }

    @Test
    void shouldRefuseRedirectToPrivateAddress() {
        // Given
        host.redirect("/to-private", "http://10.20.30.40/internal.jpg");
        GuardedImageFetcher fetcher = new GuardedImageFetcher(loopbackAllowed);

        // When
        ImageFetchException failure = fetchFailure(fetcher, host.url("/to-private"));

        // Then
        assertThat(failure.reason()).isEqualTo(Reason.REFUSED);
        assertThat(failure.getMessage())
                .isEqualTo("Host 10.20.30.40 resolves to a private address, which image downloads may not reach");
        assertThat(host.requests()).extracting(RecordedRequest::path).containsExactly("/to-private");
    }

    @Test
    void shouldRefuseRedirectToFileScheme() {
        // Given
        host.redirect("/to-file", "file:///etc/passwd");
        GuardedImageFetcher fetcher = new GuardedImageFetcher(loopbackAllowed);

        // When
        ImageFetchException failure = fetchFailure(fetcher, host.url("/to-file"));

        // Then
        assertThat(failure.reason()).isEqualTo(Reason.REFUSED);
        assertThat(failure.getMessage()).isEqualTo("Only http and https URLs are fetched, not 'file'");
    }

    @Test
    void shouldStopAfterTheConfiguredNumberOfRedirects() {
        // Given
        host.redirect("/loop", "/loop");
        GuardedImageFetcher fetcher = new GuardedImageFetcher(loopbackAllowed.withMaxRedirects(2));

        // When
        ImageFetchException failure = fetchFailure(fetcher, host.url("/loop"));

        // Then
        assertThat(failure.reason()).isEqualTo(Reason.DOWNLOAD_FAILED);
        assertThat(failure.getMessage()).isEqualTo("More than 2 redirects, the last from 127.0.0.1");
        assertThat(host.requests()).hasSize(3);
    }

    @Test
    void shouldRefuseBodiesLargerThanTheLimit() throws Exception {
        // Given
        host.image("/exact.jpg", bytes(1_000, 1)).image("/big.jpg", bytes(1_001, 1))
                .chunkedImage("/big-chunked.jpg", bytes(1_001, 1));
        GuardedImageFetcher fetcher = new GuardedImageFetcher(loopbackAllowed.withMaxBytes(1_000));

        // When
        byte[] exact = fetcher.fetch(host.url("/exact.jpg"));
        ImageFetchException declared = fetchFailure(fetcher, host.url("/big.jpg"));
        ImageFetchException chunked = fetchFailure(fetcher, host.url("/big-chunked.jpg"));

        // Then
        assertThat(exact).isEqualTo(bytes(1_000, 1));
        assertThat(List.of(declared.reason() + " " + declared.getMessage(),
                chunked.reason() + " " + chunked.getMessage())).containsExactly(
                "TOO_LARGE The image from 127.0.0.1 is larger than 1000 bytes",
                "TOO_LARGE The image from 127.0.0.1 is larger than 1000 bytes");
    }

    @Test
    void shouldReportErrorStatus() {
        // Given
        host.status("/missing.jpg", 404);
        GuardedImageFetcher fetcher = new GuardedImageFetcher(loopbackAllowed);

        // When
        ImageFetchException failure = fetchFailure(fetcher, host.url("/missing.jpg"));

        // Then
        assertThat(failure.reason()).isEqualTo(Reason.DOWNLOAD_FAILED);
        assertThat(failure.getMessage()).isEqualTo("HTTP 404 from 127.0.0.1");
    }

    @Test
    void shouldReportRefusedConnection() throws Exception {
        // Given a port nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        GuardedImageFetcher fetcher = new GuardedImageFetcher(loopbackAllowed);

        // When
        ImageFetchException failure = fetchFailure(fetcher, "http://127.0.0.1:" + port + "/a.jpg");

        // Then
        assertThat(failure.reason()).isEqualTo(Reason.DOWNLOAD_FAILED);
        assertThat(failure.getMessage()).isEqualTo("Could not connect to 127.0.0.1: ConnectException");
    }

    @Test
    void shouldTimeOutWhenTheServerNeverAnswers() throws Exception {
        // Given
        try (StallingServer stalling = new StallingServer(null)) {
            GuardedImageFetcher fetcher = new GuardedImageFetcher(loopbackAllowed.withTimeout(Duration.ofMillis(300)));

            // When
            ImageFetchException failure = fetchFailure(fetcher, "http://127.0.0.1:" + stalling.port() + "/slow.jpg");

            // Then
            assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(failure.getMessage())
                    .isEqualTo("Downloading the image from 127.0.0.1 did not finish within the deadline");
        }
    }

    @Test
    void shouldTimeOutWhenTheBodyStallsHalfway() throws Exception {
        // Given a server that promises 1000 bytes and sends 10
        String partial = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789";
        try (StallingServer stalling = new StallingServer(partial)) {
            GuardedImageFetcher fetcher = new GuardedImageFetcher(loopbackAllowed.withTimeout(Duration.ofMillis(300)));

            // When
            ImageFetchException failure = fetchFailure(fetcher, "http://127.0.0.1:" + stalling.port() + "/slow.jpg");

            // Then
            assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        }
    }

    @Test
    void shouldConnectToTheResolvedAddressAndKeepTheHostName() throws Exception {
        // Given a resolver that records lookups and maps a test name to loopback
        byte[] image = bytes(3_000, 9);
        host.image("/pinned.jpg", image);
        List<String> lookups = new CopyOnWriteArrayList<>();
        HostResolver resolver = name -> {
            lookups.add(name);
            return new InetAddress[] {InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1})};
        };
        GuardedImageFetcher fetcher = new GuardedImageFetcher(loopbackAllowed, resolver,
                (SSLSocketFactory) SSLSocketFactory.getDefault());

        // When
        byte[] fetched = fetcher.fetch("http://images.example.test:" + host.port() + "/pinned.jpg");

        // Then
        assertThat(fetched).isEqualTo(image);
        assertThat(lookups).containsExactly("images.example.test");
        assertThat(host.requests()).containsExactly(
                new RecordedRequest("GET", "/pinned.jpg", "images.example.test:" + host.port()));
    }

    @Test
    void shouldRefuseHostWhenAnyOfItsAddressesIsRefused() {
        // Given a name that resolves to an allowed address and a metadata address
        host.image("/a.jpg", bytes(10, 1));
        HostResolver resolver = name -> new InetAddress[] {
            InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1}),
            InetAddress.getByAddress(name, new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254})};
        GuardedImageFetcher fetcher = new GuardedImageFetcher(loopbackAllowed, resolver,
                (SSLSocketFactory) SSLSocketFactory.getDefault());

        // When
        ImageFetchException failure = fetchFailure(fetcher, "http://rebind.example.test:" + host.port() + "/a.jpg");

        // Then
        assertThat(failure.reason()).isEqualTo(Reason.REFUSED);
        assertThat(failure.getMessage()).isEqualTo(
                "Host rebind.example.test resolves to a cloud metadata address, which image downloads may not reach");
        assertThat(host.requests()).isEmpty();
    }

    @Test
    void shouldReportUnknownHost() {
        // Given
        HostResolver resolver = name -> {
            throw new UnknownHostException(name);
        };
        GuardedImageFetcher fetcher = new GuardedImageFetcher(loopbackAllowed, resolver,
                (SSLSocketFactory) SSLSocketFactory.getDefault());

        // When
        ImageFetchException failure = fetchFailure(fetcher, "https://nowhere.example.test/a.jpg");

        // Then
        assertThat(failure.reason()).isEqualTo(Reason.DOWNLOAD_FAILED);
        assertThat(failure.getMessage()).isEqualTo("Host nowhere.example.test was not found");
    }

    @Test
    void shouldValidateSettingsNamingTheArgument() {
        assertThatThrownBy(() -> new GuardedImageFetcher.Settings(Duration.ZERO, 1, 0, false, false))
                .hasMessage("timeout must be positive but was PT0S");
        assertThatThrownBy(() -> new GuardedImageFetcher.Settings(Duration.ofSeconds(1), 0, 0, false, false))
                .hasMessage("maxBytes must be at least 1 but was 0");
        assertThatThrownBy(() -> new GuardedImageFetcher.Settings(Duration.ofSeconds(1), 1, 21, false, false))
                .hasMessage("maxRedirects must be in [0, 20] but was 21");
    }

    /** Accepts one connection, reads the request, optionally writes {@code prefix}, then sends nothing more. */
    private static final class StallingServer implements AutoCloseable {
        private final ServerSocket serverSocket;
        private final Thread thread;
        private volatile Socket accepted;

        StallingServer(String prefix) throws IOException {
            serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                try {
                    Socket socket = serverSocket.accept();
                    accepted = socket;
                    InputStream in = socket.getInputStream();
                    in.read(new byte[4096]);
                    if (prefix != null) {
                        OutputStream out = socket.getOutputStream();
                        out.write(prefix.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                    // Block until the client gives up and closes, or the test closes us.
                    while (in.read() >= 0) {
                        // discard
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            }, "stalling-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return serverSocket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            serverSocket.close();
            Socket socket = accepted;
            if (socket != null) {
                socket.close();
            }
            thread.join(Duration.ofSeconds(5).toMillis());
        }
    }
}
