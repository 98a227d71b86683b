package io.idcardstream.ocr.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import io.idcardstream.ocr.tencent.ScriptedTencentEndpoint.Answer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real Tencent SDK against a scripted loopback endpoint: what is sent, and how every answer maps. */
class TencentIdCardRecognizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TencentCredentials KEYS = new TencentCredentials("AKIDtest0000000001", "secret-key-1");
    private static final String FRONT_ANSWER = """
            {"Response":{"Name":"李明","Sex":"男","Nation":"汉","Birth":"1987/1/1",
            "Address":"北京市石景山区高新技术园腾讯大楼","IdNum":"440524198701010014","Authority":"","ValidDate":"",
            "AdvancedInfo":"{\\"WarnInfos\\":[-9102],\\"Quality\\":88,\\"IdCard\\":\\"AQID\\"}",
            "ReflectDetailInfos":[{"Position":"Portrait"}],"RequestId":"req-front-1"}}""";

    private final ScriptedTencentEndpoint endpoint = new ScriptedTencentEndpoint();
    private TencentIdCardRecognizer recognizer;

    @AfterEach
    void tearDown() {
        if (recognizer != null) {
            recognizer.close();
        }
        endpoint.close();
    }

    private TencentIdCardRecognizer recognizer(String target, Duration callTimeout, int threads, int queue) {
        recognizer = new TencentIdCardRecognizer(new TencentSettings(target, false, "ap-guangzhou", KEYS,
                Duration.ofSeconds(2), Duration.ofSeconds(5), callTimeout, threads, queue));
        return recognizer;
    }

    private TencentIdCardRecognizer recognizer() {
        return recognizer(endpoint.endpoint(), Duration.ofSeconds(5), 2, 4);
    }

    private static IdCardOcrRequest inline(byte[] bytes, CardSide side, OcrOptions options) {
        return new IdCardOcrRequest(new ImageSource.Inline(bytes), side, options);
    }

    private static OcrException failure(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(OcrException.class);
            return (OcrException) e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the recogniser did not complete within 10 s", e);
        }
        throw new AssertionError("expected the call to fail");
    }

    @Test
    void shouldSendInlineBytesAsImageBase64WithConfigAndOnlyTheFlagsThatAreSet() throws Exception {
        // Given
        endpoint.answer(Answer.ok(FRONT_ANSWER));
        byte[] image = "not really a jpeg".getBytes(StandardCharsets.UTF_8);
        OcrOptions options = new OcrOptions(true, null, false, null, null, null, null, null, null, null, null,
                null, null, null, "Advanced");

        // When
        recognizer().recognize(inline(image, CardSide.FRONT, options)).get(10, TimeUnit.SECONDS);

        // Then
        ScriptedTencentEndpoint.Recorded sent = endpoint.recorded().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("X-TC-Action")).isEqualTo("IDCardOCR");
        assertThat(sent.header("X-TC-Version")).isEqualTo("2018-11-19");
        assertThat(sent.header("X-TC-Region")).isEqualTo("ap-guangzhou");
        assertThat(sent.header("Authorization")).startsWith("TC3-HMAC-SHA256 Credential=AKIDtest0000000001/");
        JsonNode body = JSON.readTree(sent.body());
        assertThat(JSON.convertValue(body, java.util.Map.class)).containsOnlyKeys(
                "ImageBase64", "CardSide", "Config", "CardWarnType");
        assertThat(body.get("ImageBase64").asText()).isEqualTo(Base64.getEncoder().encodeToString(image));
        assertThat(body.get("CardSide").asText()).isEqualTo("FRONT");
        assertThat(body.get("Config").asText()).isEqualTo("{\"CropIdCard\":true,\"CopyWarn\":false}");
        assertThat(body.get("CardWarnType").asText()).isEqualTo("Advanced");
    }

    @Test
    void shouldSendUrlsAsImageUrlAndLeaveTheSideForTheApiToDetect() throws Exception {
        // Given
        endpoint.answer(Answer.ok(FRONT_ANSWER));

        // When
        recognizer().recognize(new IdCardOcrRequest(new ImageSource.Url("https://images.example/a.jpg"), null,
                null)).get(10, TimeUnit.SECONDS);

        // Then
        JsonNode body = JSON.readTree(endpoint.recorded().get(0).body());
        assertThat(JSON.convertValue(body, java.util.Map.class)).containsOnlyKeys("ImageUrl");
        assertThat(body.get("ImageUrl").asText()).isEqualTo("https://images.example/a.jpg");
    }

    @Test
    void shouldMapASuccessfulAnswerWithAdvancedInfoAndReflections() throws Exception {
        // Given
        endpoint.answer(Answer.ok(FRONT_ANSWER));

        // When
        IdCardOcrResult result = recognizer().recognize(inline(new byte[] {1}, CardSide.FRONT, null))
                .get(10, TimeUnit.SECONDS);

        // Then
        assertThat(result.fields()).isEqualTo(CardFields.front("李明", "男", "汉", "1987/1/1",
                "北京市石景山区高新技术园腾讯大楼", "440524198701010014"));
        assertThat(result.advancedInfo().warnings()).containsExactly(-9102);
        assertThat(result.advancedInfo().quality()).isEqualTo(88);
        assertThat(result.advancedInfo().idCardCrop()).containsExactly(1, 2, 3);
        assertThat(result.reflectPositions()).containsExactly("Portrait");
        assertThat(result.providerRequestId()).isEqualTo("req-front-1");
    }

    @Test
    void shouldMapAnErrorEnvelopeToTheApiCodeAndRequestId() throws Exception {
        // Given
        endpoint.answer(Answer.ok("""
                {"Response":{"Error":{"Code":"FailedOperation.ImageNoIdCard","Message":"no card"},
                "RequestId":"req-err-1"}}"""));

        // When
        OcrException error = failure(recognizer().recognize(inline(new byte[] {1}, null, null)));

        // Then
        assertThat(error.code()).isEqualTo(ErrorCodes.IMAGE_NO_ID_CARD);
        assertThat(error.providerRequestId()).isEqualTo("req-err-1");
        assertThat(error.classification().retryable()).isFalse();
    }

    @Test
    void shouldMapEveryMalformedAnswerToAPreciseClientCode() throws Exception {
        // Given: a non-200 status, a body that is not JSON, JSON without Response, and a wrongly typed field
        endpoint.answer(new Answer(502, "bad gateway", null))
                .answer(Answer.ok("<html>proxy error</html>"))
                .answer(Answer.ok("{\"Result\":{}}"))
                .answer(Answer.ok("{\"Response\":{\"Name\":\"x\",\"AdvancedInfo\":{\"nested\":true},"
                        + "\"RequestId\":\"r\"}}"));
        TencentIdCardRecognizer recognizer = recognizer(endpoint.endpoint(), Duration.ofSeconds(5), 1, 4);

        // When
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            codes.add(failure(recognizer.recognize(inline(new byte[] {1}, null, null))).code());
        }

        // Then
        assertThat(codes).containsExactly(ErrorCodes.SERVER_SIDE_ERROR, ErrorCodes.CLIENT_PROTOCOL_ERROR,
                ErrorCodes.CLIENT_PROTOCOL_ERROR, ErrorCodes.CLIENT_PROTOCOL_ERROR);
    }

    @Test
    void shouldReportAnUnreachableEndpointAsANetworkError() throws Exception {
        // Given: a loopback port nobody listens on
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        // When
        OcrException error = failure(recognizer("127.0.0.1:" + closedPort, Duration.ofSeconds(5), 1, 1)
                .recognize(inline(new byte[] {1}, null, null)));

        // Then
        assertThat(error.code()).isEqualTo(ErrorCodes.CLIENT_NETWORK_ERROR);
        assertThat(error.classification().retryable()).isTrue();
    }

    @Test
    void shouldTimeOutAWholeCallThatNeverAnswers() throws Exception {
        // Given: an answer held back until the test ends
        CountDownLatch release = new CountDownLatch(1);
        endpoint.answer(new Answer(200, FRONT_ANSWER, release));
        try {
            // When
            OcrException error = failure(recognizer(endpoint.endpoint(), Duration.ofMillis(400), 1, 1)
                    .recognize(inline(new byte[] {1}, null, null)));

            // Then
            assertThat(error.code()).isEqualTo(ErrorCodes.CLIENT_TIMEOUT);
        } finally {
            release.countDown();
        }
    }

    @Test
    void shouldRefuseAtOnceWhenEveryThreadAndQueueSlotIsBusy() throws Exception {
        // Given: one thread, no queue, and a first call that is held back
        CountDownLatch release = new CountDownLatch(1);
        endpoint.answer(new Answer(200, FRONT_ANSWER, release));
        TencentIdCardRecognizer recognizer = recognizer(endpoint.endpoint(), Duration.ofSeconds(10), 1, 0);
        CompletableFuture<IdCardOcrResult> first = recognizer.recognize(inline(new byte[] {1}, null, null));
        try {
            // When
            OcrException error = failure(recognizer.recognize(inline(new byte[] {2}, null, null)));

            // Then
            assertThat(error.code()).isEqualTo(ErrorCodes.CLIENT_OVERLOADED);
        } finally {
            release.countDown();
        }
        assertThat(first.get(10, TimeUnit.SECONDS).providerRequestId()).isEqualTo("req-front-1");
    }

    @Test
    void shouldNeverPrintTheSecretKey() {
        assertThat(KEYS.toString()).doesNotContain("secret-key-1").doesNotContain("AKIDtest0000000001");
        assertThatThrownBy(() -> TencentCredentials.resolve(null, null, java.util.Map.of(), null))
                .hasMessageContaining("TENCENTCLOUD_SECRET_ID");
    }
}
