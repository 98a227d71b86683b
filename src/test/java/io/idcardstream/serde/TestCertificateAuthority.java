package io.idcardstream.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway certificate authority made with the JDK's keytool (no other tool, no library): a CA, then leaf
 * certificates it signs, each in a PKCS12 key store with its chain, and a trust store holding only the CA.
 */
final class TestCertificateAuthority {
    static final String PASSWORD = "test-store-pass";

    private final Path dir;
    private final Path caStore;
    private final Path caCertificate;

    private TestCertificateAuthority(Path dir) {
        this.dir = dir;
        this.caStore = dir.resolve("ca.p12");
        this.caCertificate = dir.resolve("ca.pem");
    }

    static TestCertificateAuthority create(Path dir) throws IOException {
        TestCertificateAuthority ca = new TestCertificateAuthority(dir);
        ca.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=idcard-stream test CA", "-ext", "bc:c", "-keystore", ca.caStore.toString());
        ca.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.caStore.toString(), "-file",
                ca.caCertificate.toString());
        return ca;
    }

    /** A trust store holding the CA alone. */
    Path trustStore(String name) throws IOException {
        Path store = dir.resolve(name + "-truststore.p12");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate.toString(), "-keystore",
                store.toString());
        return store;
    }

    /**
     * A key store with a new key pair and its certificate signed by the CA, chain included.
     *
     * @param subjectAlternativeNames keytool's {@code san=} list, e.g. {@code ip:127.0.0.1}, or empty for a client
     */
    Path keyStore(String name, String subjectAlternativeNames) throws IOException {
        Path store = dir.resolve(name + ".p12");
        Path request = dir.resolve(name + ".csr");
        Path certificate = dir.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + name, "-keystore", store.toString());
        keytool("-certreq", "-alias", name, "-keystore", store.toString(), "-file", request.toString());
        List<String> sign = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore",
                caStore.toString(), "-infile", request.toString(), "-outfile", certificate.toString(), "-validity",
                "2"));
        if (!subjectAlternativeNames.isEmpty()) {
            sign.addAll(List.of("-ext", "san=" + subjectAlternativeNames));
        }
        keytool(sign.toArray(String[]::new));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate.toString(), "-keystore",
                store.toString());
        keytool("-importcert", "-noprompt", "-alias", name, "-file", certificate.toString(), "-keystore",
                store.toString());
        return store;
    }

    /** A client context from a key store and a trust store made here. */
    static SSLContext context(Path keyStore, Path trustStore) throws GeneralSecurityException, IOException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path path) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        } finally {
            keytool.destroyForcibly();
        }
    }
}
