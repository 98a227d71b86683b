package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.ocr.v20181119.OcrClient;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRRequest;
import io.idcardstream.server.ApiKeys;
import io.idcardstream.server.ScriptedRecognizer;
import io.idcardstream.server.SdkClients;
import io.idcardstream.server.SeedSamples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path dir;

    private static String callIdNum(String endpoint, String secretId, String secretKey) throws Exception {
        OcrClient client = new OcrClient(new Credential(secretId, secretKey), "ap-guangzhou",
                SdkClients.profile(endpoint));
        IDCardOCRRequest request = new IDCardOCRRequest();
        request.setImageBase64(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
        return client.IDCardOCR(request).getIdNum();
    }

    private static String health(String endpoint) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + endpoint + "/healthz")).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    @Test
    void shouldServeWithTheKeyPairFromTheEnvironmentWithoutPrintingTheKey() throws Exception {
        // Given
        Map<String, String> environment = Map.of("TENCENTCLOUD_SECRET_ID", "AKIDfromEnvironment",
                "TENCENTCLOUD_SECRET_KEY", "environmentSecretKey");
        Path keyFile = dir.resolve("keys.properties");

        // When
        int exitCode;
        String idNum;
        String health;
        String stdout;
        try (RunningServe serve = new RunningServe(ScriptedRecognizer.returning(SeedSamples.FRONT), environment,
                "--port", "0", "-D", "server.keys.file=" + keyFile)) {
            idNum = callIdNum(serve.endpoint(), "AKIDfromEnvironment", "environmentSecretKey");
            health = health(serve.endpoint());
            stdout = serve.stdout();
            exitCode = serve.stop();
        }

        // Then
        assertThat(List.of(idNum, health, exitCode)).containsExactly("440524198701010014", "200 {\"status\":\"UP\"}\n", 0);
        assertThat(stdout).contains("  SecretId: AKIDfromEnvironment (key pair from TENCENTCLOUD_SECRET_ID/"
                + "TENCENTCLOUD_SECRET_KEY)\n", "SECRET_KEY=\"$TENCENTCLOUD_SECRET_KEY\"\n")
                .doesNotContain("environmentSecretKey");
        assertThat(keyFile).doesNotExist();
    }

    @Test
    void shouldGenerateAKeyPairIntoAnOwnerOnlyFileAndReuseItNextTime() throws Exception {
        // Given no keys in the environment and no key file yet
        Path keyFile = dir.resolve("data/serve-keys.properties");
        String[] args = {"--port", "0", "-D", "server.keys.file=" + keyFile};

        // When
        String firstOutput;
        String secondOutput;
        String idNum;
        try (RunningServe serve = new RunningServe(ScriptedRecognizer.returning(SeedSamples.FRONT), Map.of(), args)) {
            ApiKeys generated = ApiKeys.load(keyFile);
            String secretId = generated.secretIds().iterator().next();
            idNum = callIdNum(serve.endpoint(), secretId, generated.secretKey(secretId).orElseThrow());
            firstOutput = serve.stdout();
        }
        try (RunningServe again = new RunningServe(ScriptedRecognizer.returning(SeedSamples.FRONT), Map.of(), args)) {
            secondOutput = again.stdout();
        }

        // Then
        ApiKeys keys = ApiKeys.load(keyFile);
        String secretId = keys.secretIds().iterator().next();
        String secretKey = keys.secretKey(secretId).orElseThrow();
        assertThat(idNum).isEqualTo("440524198701010014");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(firstOutput).contains("  SecretId: " + secretId + "; its SecretKey is in "
                + keyFile.toAbsolutePath() + " (generated now, readable only by you)\n",
                "SECRET_KEY=$(sed -n 's/^secret\\.key *= *//p' '" + keyFile.toAbsolutePath() + "')\n")
                .doesNotContain(secretKey);
        assertThat(secondOutput).contains("  SecretId: " + secretId + "; its SecretKey is in "
                + keyFile.toAbsolutePath() + "\n").doesNotContain(secretKey);
    }

    @Test
    void shouldRefuseHalfAKeyPairInTheEnvironment() {
        assertThatThrownBy(() -> ServeKeys.resolve(Map.of("TENCENTCLOUD_SECRET_ID", "AKIDonly"),
                dir.resolve("keys.properties"), new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TENCENTCLOUD_SECRET_ID is set but TENCENTCLOUD_SECRET_KEY is not; set both, or neither "
                        + "to use " + dir.resolve("keys.properties"));
        assertThat(dir.resolve("keys.properties")).doesNotExist();
    }
}
