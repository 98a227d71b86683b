package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.ocr.v20181119.OcrClient;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRRequest;
import io.idcardstream.server.SdkClients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code idcard-stream serve} as a real process of the shipped jar (its own class path) with the embedded engine: it starts,
 * answers the SDK, drops a client that never finishes its request, never prints the key, and stops on SIGTERM
 * with exit code 0.
 */
class ServeProcessIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Pattern LISTENING = Pattern.compile("API listening on http://([^/]+)/");

    @TempDir
    Path dir;

    @Test
    void shouldServeAsAProcessAndDropStalledRequests() throws Exception {
        // Given serve started with its key pair in the environment and a 2 s limit for a request to arrive
        List<String> command = ShippedJar.javaJar("-Xmx768m");
        command.addAll(List.of("serve", "--port", "0", "-D", "server.keys.file=" + dir.resolve("keys"),
                "-D", "server.body.timeout.ms=2000"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("stderr.log").toFile());
        builder.environment().put("TENCENTCLOUD_SECRET_ID", "AKIDprocessTest");
        builder.environment().put("TENCENTCLOUD_SECRET_KEY", "processTestSecretKey");
        Process serve = builder.start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> printed = new ArrayList<>();
            String endpoint = CompletableFuture.supplyAsync(() -> readUntilListening(stdout, printed))
                    .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> {
                StringBuilder lines = new StringBuilder();
                stdout.lines().forEach(line -> lines.append(line).append('\n'));
                return lines.toString();
            });
            OcrClient client = new OcrClient(new Credential("AKIDprocessTest", "processTestSecretKey"),
                    "ap-guangzhou", SdkClients.profile(endpoint));
            IDCardOCRRequest request = new IDCardOCRRequest();
            request.setImageBase64(Base64.getEncoder().encodeToString(
                    Files.readAllBytes(Path.of("../shared/datasets/idcards-dev/front_07.jpg"))));

            // When
            String idNum = client.IDCardOCR(request).getIdNum();
            boolean stalledClientDropped = stalledRequestIsDropped(endpoint);
            serve.destroy();
            boolean stopped = serve.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            String laterOutput = rest.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);

            // Then: answered, the stalled client dropped, and SIGTERM ends it with "0: stopped on request"
            assertThat(List.of(idNum, stalledClientDropped, stopped)).containsExactly("440524198701010014", true, true);
            assertThat(serve.exitValue()).isZero();
            assertThat(String.join("\n", printed) + laterOutput).contains("SecretId: AKIDprocessTest")
                    .doesNotContain("processTestSecretKey");
            assertThat(Files.readString(dir.resolve("stderr.log"))).doesNotContain("processTestSecretKey")
                    .doesNotContain("440524198701010014");
        } finally {
            serve.destroyForcibly();
        }
    }

    private static String readUntilListening(BufferedReader stdout, List<String> printed) {
        try {
            for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                printed.add(line);
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("serve ended without listening: " + printed);
    }

    /** Sends headers promising a body that never comes; true when the server closes the connection. */
    private static boolean stalledRequestIsDropped(String endpoint) throws Exception {
        int colon = endpoint.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.substring(0, colon),
                    Integer.parseInt(endpoint.substring(colon + 1))), 10_000);
            socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                return socket.getInputStream().read() == -1;
            } catch (SocketException e) {
                return e.getMessage().equals("Connection reset");
            }
        }
    }
}
