package io.idcardstream.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS front that requires a client certificate signed by the test CA and passes the bytes on to a plain-HTTP
 * port: the mutual-TLS deployment of a registry behind an ingress or a sidecar. (Apicurio's own client
 * authentication is fixed when it is built, so it cannot be switched on for a test.)
 */
final class MutualTlsProxy implements AutoCloseable {
    private final SSLServerSocket server;
    private final InetSocketAddress target;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "mtls-proxy");
        thread.setDaemon(true);
        return thread;
    });

    private MutualTlsProxy(SSLServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** @param serverContext the proxy's certificate and the CA its clients' certificates must chain to */
    static MutualTlsProxy start(SSLContext serverContext, URI plainHttpTarget) throws IOException {
        SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        MutualTlsProxy proxy = new MutualTlsProxy(server, new InetSocketAddress(plainHttpTarget.getHost(),
                plainHttpTarget.getPort()));
        proxy.threads.execute(proxy::acceptLoop);
        return proxy;
    }

    /** {@code https://127.0.0.1:<port>} + path. */
    URI url(String path) {
        return URI.create("https://127.0.0.1:" + server.getLocalPort() + path);
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                threads.execute(() -> relay(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(SSLSocket client) {
        try (client; Socket upstream = new Socket()) {
            client.startHandshake(); // fails here without a certificate the CA signed
            upstream.connect(target, 5_000);
            threads.execute(() -> pump(upstream, client));
            pump(client, upstream);
        } catch (IOException e) {
            // the client is told by the failed handshake or the closed connection
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException | UnsupportedOperationException e) {
            // one side went away; closing the sockets ends the other direction
        }
    }
}
