package io.idcardstream.serde;

import static org.assertj.core.api.Assertions.fail;

import io.idcardstream.testing.LocalResources;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Apicurio Registry 3.0.9, the version compose runs (in-memory storage, Confluent-compatible API at
 * /apis/ccompat/v7), unpacked from Maven Central into target/apicurio by the pre-integration-test phase, as a child
 * process on a free loopback port. (3.1 and later need Java 21; the build needs only Java 17.)
 */
public final class ApicurioProcess implements AutoCloseable {
    private static final Path APICURIO_HOME = Path.of("target", "apicurio");
    private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(90);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(20);

    private final Process process;
    private final Path log;
    private final URI ccompat;
    private final int httpPort;

    private ApicurioProcess(Process process, Path log, URI ccompat, int httpPort) {
        this.process = process;
        this.log = log;
        this.ccompat = ccompat;
        this.httpPort = httpPort;
    }

    /** Plain HTTP. */
    public static ApicurioProcess start() throws Exception {
        int port = LocalResources.freePort();
        return start("http", port, port, Map.of(), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .build());
    }

    /**
     * HTTPS with Quarkus's own settings, and plain HTTP on another port ({@link #plainCcompat()}) for a TLS front.
     *
     * @param quarkusTls the {@code quarkus.http.ssl.*} settings (key store, trust store, client-auth)
     * @param readinessClient a client that can pass the TLS handshake, to see when the registry answers
     */
    public static ApicurioProcess startTls(Map<String, String> quarkusTls, HttpClient readinessClient) throws Exception {
        int port = LocalResources.freePort();
        Map<String, String> settings = new java.util.HashMap<>(quarkusTls);
        settings.put("quarkus.http.ssl-port", String.valueOf(port));
        return start("https", port, LocalResources.freePort(), settings, readinessClient);
    }

    private static ApicurioProcess start(String scheme, int port, int httpPort, Map<String, String> quarkus,
            HttpClient client) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(quarkus);
        settings.put("quarkus.http.port", String.valueOf(httpPort));
        Path runner;
        try (Stream<Path> files = Files.list(APICURIO_HOME)) {
            runner = files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No Apicurio runner jar in " + APICURIO_HOME.toAbsolutePath()
                    + "; run the IT through `mvn verify`, whose pre-integration-test phase unpacks it", e);
        }
        Path log = Files.createTempFile(Path.of("target"), "apicurio-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-Dquarkus.http.host=127.0.0.1"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", runner.getFileName().toString()));
        Process process = new ProcessBuilder(command)
                .directory(APICURIO_HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ApicurioProcess apicurio = new ApicurioProcess(process, log,
                URI.create(scheme + "://127.0.0.1:" + port + "/apis/ccompat/v7"), httpPort);
        try {
            apicurio.awaitReady(client);
        } catch (Throwable e) {
            apicurio.close();
            throw e;
        }
        return apicurio;
    }

    /** The Confluent-compatible API's base URL. */
    public URI ccompat() {
        return ccompat;
    }

    /** The Confluent-compatible API over plain HTTP (the same as {@link #ccompat()} unless started with TLS). */
    public URI plainCcompat() {
        return URI.create("http://127.0.0.1:" + httpPort + "/apis/ccompat/v7");
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
        if (process.isAlive()) {
            throw new AssertionError("Apicurio (pid " + process.pid() + ") still running");
        }
    }

    private void awaitReady(HttpClient client) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP_DEADLINE);
        URI subjects = URI.create(ccompat + "/subjects");
        String lastAnswer = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("Apicurio exited with code " + process.exitValue() + " before it was ready; last log lines:\n"
                        + tail());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(subjects)
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastAnswer = "HTTP " + response.statusCode();
            } catch (IOException e) {
                lastAnswer = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        fail("Apicurio did not answer GET " + subjects + " within " + STARTUP_DEADLINE.toSeconds() + " s (last: "
                + lastAnswer + "); last log lines:\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
