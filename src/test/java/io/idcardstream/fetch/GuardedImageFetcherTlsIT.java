package io.idcardstream.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.idcardstream.fetch.ImageFetchException.Reason;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS through the pinned connection: the socket goes to the checked address while TLS still sends the URL's
 * host name (SNI) and verifies the certificate against it. Uses keytool (a process) for a throwaway
 * certificate, hence IT.
 */
class GuardedImageFetcherTlsIT {
    private static final String PASSWORD = "changeit";
    private static final byte[] IMAGE = {(byte) 0xff, (byte) 0xd8, 1, 2, 3, 4, 5};

    @TempDir
    Path dir;

    private HttpsServer server;
    private ExecutorService executor;
    private SSLContext trustingClient;
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startHttpsServer() throws Exception {
        Path keystore = dir.resolve("images.p12");
        Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-alias", "images", "-keyalg", "EC",
                "-validity", "2", "-dname", "CN=images.example.test", "-ext", "SAN=dns:images.example.test",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        trustingClient = SSLContext.getInstance("TLS");
        trustingClient.init(null, trust.getTrustManagers(), null);

        executor = Executors.newFixedThreadPool(2);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.setExecutor(executor);
        server.createContext("/card.jpg", exchange -> {
            try (exchange) {
                hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
                exchange.sendResponseHeaders(200, IMAGE.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(IMAGE);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stopHttpsServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    private GuardedImageFetcher fetcher() {
        HostResolver toLoopback = name -> new InetAddress[] {InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1})};
        return new GuardedImageFetcher(new GuardedImageFetcher.Settings(Duration.ofSeconds(10), 1_000, 0, true, false),
                toLoopback, trustingClient.getSocketFactory());
    }

    @Test
    void shouldDownloadOverTlsFromThePinnedAddressWithTheUrlsHostName() throws Exception {
        // When
        byte[] image = fetcher().fetch("https://images.example.test:" + server.getAddress().getPort() + "/card.jpg");

        // Then
        assertThat(image).isEqualTo(IMAGE);
        assertThat(hostHeaders).containsExactly("images.example.test:" + server.getAddress().getPort());
    }

    @Test
    void shouldRefuseACertificateForAnotherHostEvenAtTheSameAddress() {
        // Given a name that resolves to the same address but is not on the certificate
        GuardedImageFetcher fetcher = fetcher();
        int port = server.getAddress().getPort();

        // When
        ImageFetchException otherName = null;
        try {
            fetcher.fetch("https://other.example.test:" + port + "/card.jpg");
        } catch (ImageFetchException e) {
            otherName = e;
        }

        // Then
        assertThat(otherName).isNotNull();
        assertThat(otherName.reason()).isEqualTo(Reason.DOWNLOAD_FAILED);
        assertThat(otherName.getMessage())
                .isEqualTo("Could not download the image from other.example.test: SSLHandshakeException");
        assertThat(hostHeaders).isEmpty();
    }
}
