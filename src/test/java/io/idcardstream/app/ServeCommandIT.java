package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.server.ScriptedRecognizer;
import io.idcardstream.server.SdkClients;
import io.idcardstream.server.SeedSamples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s printed example, run as printed by bash with openssl and curl: a TC3 client that shares no
 * code with the server, and the curl health check.
 */
class ServeCommandIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Path FRONT_07 = Path.of("../shared/datasets/idcards-dev/front_07.jpg").toAbsolutePath();

    @TempDir
    Path dir;

    private static String run(Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + DEADLINE);
        }
        assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
        return new String(output, StandardCharsets.UTF_8);
    }

    @Test
    void shouldAnswerThePrintedOpensslAndCurlExampleAndTheCurlHealthCheck() throws Exception {
        // Given serve with a generated key pair
        ScriptedRecognizer recognizer = ScriptedRecognizer.returning(SeedSamples.FRONT);
        Path keyFile = dir.resolve("serve-keys.properties");
        try (RunningServe serve = new RunningServe(recognizer, Map.of(), "--port", "0", "-D",
                "server.keys.file=" + keyFile)) {
            String stdout = serve.stdout();
            String script = stdout.substring(stdout.indexOf(ServeExample.FIRST_LINE));

            // When
            String answer = run(Map.of("IMAGE", FRONT_07.toString()), "bash", "-c", script);
            String health = run(Map.of(), "curl", "-sS", "http://" + serve.endpoint() + "/healthz");

            // Then
            JsonNode response = new ObjectMapper().readTree(answer).get("Response");
            assertThat(response.get("RequestId").asText()).matches(SdkClients.UUID);
            assertThat(answer).isEqualTo("{\"Response\":{\"Name\":\"李明\",\"Sex\":\"男\",\"Nation\":\"汉\","
                    + "\"Birth\":\"1987/1/1\",\"Address\":\"北京市石景山区高新技术园腾讯大楼\",\"IdNum\":\"440524198701010014\","
                    + "\"Authority\":\"\",\"ValidDate\":\"\",\"AdvancedInfo\":\"{}\",\"ReflectDetailInfos\":[],"
                    + "\"RequestId\":\"" + response.get("RequestId").asText() + "\"}}");
            assertThat(recognizer.requests()).extracting(IdCardOcrRequest::image)
                    .containsExactly(new ImageSource.Inline(Files.readAllBytes(FRONT_07)));
            assertThat(health).isEqualTo("{\"status\":\"UP\"}\n");
            assertThat(List.of(serve.stop())).containsExactly(0);
        }
    }
}
