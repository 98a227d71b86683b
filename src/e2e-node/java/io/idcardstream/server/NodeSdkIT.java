package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.fetch.GuardedImageFetcher;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tencent's official Node.js SDK ({@code tencentcloud-sdk-nodejs-ocr} 4.1.x, installed from the npm registry
 * into {@code target/e2e-node}) against the real server over real HTTP: the SDK signs the Host header without
 * the port, which the server must accept. Not part of the default build: {@code mvn -B -Pe2e-node verify}.
 * Needs {@code node} and {@code npm} on the PATH, and fails at once naming what is missing.
 */
class NodeSdkIT {
    private static final String SDK = "tencentcloud-sdk-nodejs-ocr@" + System.getProperty("e2e.node.sdk", "4.1.232");
    private static final Path WORK = Path.of("target/e2e-node");
    private static final Path SCRIPT = Path.of("src/e2e-node/node/idcardocr-call.js");
    private static final String SECRET_ID = "AKIDnodeSdk";
    private static final String SECRET_KEY = "nodeSdkKey";

    @BeforeAll
    static void installTheSdk() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("node", "npm")) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("The Node.js SDK end-to-end test needs node (20 or later) and npm on the PATH; "
                    + "missing: " + String.join(", ", missing) + ". Install them, e.g. apt-get install -y nodejs npm.");
        }
        Files.createDirectories(WORK);
        Files.copy(SCRIPT, WORK.resolve("idcardocr-call.js"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (!Files.exists(WORK.resolve("package.json"))) {
            Files.writeString(WORK.resolve("package.json"), "{\"name\":\"idcard-stream-e2e-node\",\"private\":true}\n");
        }
        String installed = run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", SDK), 300);
        assertThat(Files.isDirectory(WORK.resolve("node_modules/tencentcloud-sdk-nodejs-ocr")))
                .as("npm install " + SDK + ": " + installed).isTrue();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + seconds + " s");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    private static String call(IdCardOcrServer server, String secretKey, String method) throws Exception {
        return run(List.of("node", "idcardocr-call.js", server.endpoint(), SECRET_ID, secretKey, "AQID", method), 60);
    }

    @Test
    void shouldAnswerTheNodeSdkWhoseSignatureLeavesThePortOutOfHost() throws Exception {
        // Given the real server on a port (so the Node SDK's Host header has one)
        try (IdCardOcrServer server = IdCardOcrServer.start(ServerSettings.defaults(),
                ScriptedRecognizer.returning(SeedSamples.FRONT), ApiKeys.of(SECRET_ID, SECRET_KEY),
                new GuardedImageFetcher(GuardedImageFetcher.Settings.DEFAULTS))) {
            // When the SDK calls it with POST, with GET, and with a wrong key
            List<String> answers = List.of(call(server, SECRET_KEY, "POST"), call(server, SECRET_KEY, "GET"),
                    call(server, "wrongKey", "POST"));

            // Then both forms are answered, and a wrong key is still refused
            assertThat(answers).containsExactly(
                    "{\"ok\":true,\"Name\":\"李明\",\"IdNum\":\"440524198701010014\"}",
                    "{\"ok\":true,\"Name\":\"李明\",\"IdNum\":\"440524198701010014\"}",
                    "{\"ok\":false,\"Code\":\"AuthFailure.SignatureFailure\",\"Message\":\"The provided credentials "
                            + "could not be validated. Please check your signature is correct.\"}");
        }
    }
}
