package io.idcardstream.ocr.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.fetch.GuardedImageFetcher;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import io.idcardstream.ocr.tencent.ScriptedTencentEndpoint.Answer;
import io.idcardstream.server.ApiKeys;
import io.idcardstream.server.IdCardOcrServer;
import io.idcardstream.server.ScriptedRecognizer;
import io.idcardstream.server.SeedSamples;
import io.idcardstream.server.ServerSettings;
import io.idcardstream.testing.LogCapture;
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

    /** A BACK answer carrying {@code advancedInfo} as the API does: a JSON string inside the JSON answer. */
    private static String backAnswer(String requestId, String advancedInfo) {
        var response = JSON.createObjectNode();
        for (String field : List.of("Name", "Sex", "Nation", "Birth", "Address", "IdNum")) {
            response.put(field, "");
        }
        response.put("Authority", "赵县公安局").put("ValidDate", "2010.07.21-2020.07.21")
                .put("AdvancedInfo", advancedInfo).put("RequestId", requestId);
        response.putArray("ReflectDetailInfos");
        return JSON.createObjectNode().set("Response", response).toString();
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
    void shouldSendTheTopLevelSwitchesAsTheirOwnParametersWhenSet() throws Exception {
        // Given the three switches that are request parameters of their own, not keys of Config
        endpoint.answer(Answer.ok(FRONT_ANSWER));
        OcrOptions options = new OcrOptions(null, null, null, null, null, null, null, null, null, null, true, false,
                true, false, null);

        // When
        recognizer().recognize(inline("x".getBytes(StandardCharsets.UTF_8), CardSide.FRONT, options))
                .get(10, TimeUnit.SECONDS);

        // Then each is sent as set, false included, and ReflectWarn travels inside Config
        JsonNode body = JSON.readTree(endpoint.recorded().get(0).body());
        assertThat(body.get("EnableRecognitionRectify").asBoolean(true)).isFalse();
        assertThat(body.get("EnableReflectDetail").asBoolean(false)).isTrue();
        assertThat(body.get("EnableDateVerify").asBoolean(true)).isFalse();
        assertThat(body.get("Config").asText()).isEqualTo("{\"ReflectWarn\":true}");
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
        assertThat(result.corrections()).isEmpty();
        assertThat(result.providerRequestId()).isEqualTo("req-front-1");
    }

    @Test
    void shouldReadTheCorrectionsThatIdcardStreamServeAddsToAdvancedInfo() throws Exception {
        // Given: serve's answer for a back whose validity end and authority ending the engine completed
        endpoint.answer(Answer.ok(backAnswer("req-corrected-1", """
                {"Corrections":[\
                {"Field":"ValidDate","Read":"2010.07.21-","Returned":"2010.07.21-2020.07.21",\
                "Reason":"VALIDITY_END_FROM_START"},\
                {"Field":"Authority","Read":"赵县公安","Returned":"赵县公安局","Reason":"AUTHORITY_ENDING_COMPLETED"}]}""")));

        // When
        IdCardOcrResult result = recognizer().recognize(inline(new byte[] {1}, CardSide.BACK, null))
                .get(10, TimeUnit.SECONDS);

        // Then
        assertThat(result.corrections()).containsExactly(
                new FieldCorrection(FieldName.VALID_DATE, "2010.07.21-", "2010.07.21-2020.07.21",
                        "VALIDITY_END_FROM_START"),
                new FieldCorrection(FieldName.AUTHORITY, "赵县公安", "赵县公安局", "AUTHORITY_ENDING_COMPLETED"));
        assertThat(result.advancedInfo().toString()).isEqualTo(AdvancedInfo.EMPTY.toString());
    }

    @Test
    void shouldIgnoreCorrectionsOfAnotherShapeAndLogNoValues() throws Exception {
        // Given: Corrections that is not an array, then an array with one good entry among entries of other shapes
        endpoint.answer(Answer.ok(backAnswer("req-odd-1", """
                        {"Quality":90,"Corrections":"赵县公安局"}""")))
                .answer(Answer.ok(backAnswer("req-odd-2", """
                        {"Corrections":[\
                        {"Field":"Authority","Read":"赵县公安","Returned":"赵县公安局","Reason":"A_NEW_REASON"},\
                        {"Field":"Photo","Read":"赵县公安","Returned":"赵县公安局","Reason":"X"},\
                        {"Field":"Authority","Read":"赵县公安","Returned":"赵县公安局"},\
                        {"Field":"Authority","Read":7,"Returned":"赵县公安局","Reason":"X"},\
                        {"Field":"Authority","Read":"赵县公安","Returned":"赵县公安局","Reason":" "},\
                        "赵县公安局",null]}""")));
        TencentIdCardRecognizer recognizer = recognizer();

        // When
        IdCardOcrResult notAnArray;
        IdCardOcrResult mixed;
        List<String> logged;
        try (LogCapture logs = new LogCapture()) {
            notAnArray = recognizer.recognize(inline(new byte[] {1}, null, null)).get(10, TimeUnit.SECONDS);
            mixed = recognizer.recognize(inline(new byte[] {1}, null, null)).get(10, TimeUnit.SECONDS);
            logged = logs.lines();
        }

        // Then: both calls succeed and keep only the well-formed entry (a reason we do not know yet is fine)
        assertThat(notAnArray.corrections()).isEmpty();
        assertThat(notAnArray.advancedInfo().quality()).isEqualTo(90);
        assertThat(mixed.corrections()).containsExactly(
                new FieldCorrection(FieldName.AUTHORITY, "赵县公安", "赵县公安局", "A_NEW_REASON"));
        // And: the log says which answer and how many entries, never a value
        assertThat(logged).noneMatch(line -> line.contains("赵县公安"));
        assertThat(logged).filteredOn(line -> line.contains("AdvancedInfo.Corrections")).containsExactly(
                "io.idcardstream.ocr.AdvancedInfoCorrections requestId=req-odd-1 AdvancedInfo.Corrections ignored: "
                        + "a JSON STRING, not an array | req-odd-1 | Corrections | STRING",
                "io.idcardstream.ocr.AdvancedInfoCorrections requestId=req-odd-2 AdvancedInfo.Corrections: 6 of 7 "
                        + "entries ignored, not objects of the strings Field (an API field name), Read, Returned and "
                        + "Reason | req-odd-2 | Corrections | 6 | 7");
    }

    @Test
    void shouldGetBackTheCorrectionsOfIdcardStreamServeOverTc3() throws Exception {
        // Given: the real server, whose recogniser took the sex from the ID number
        List<FieldCorrection> corrections = List.of(
                new FieldCorrection(FieldName.SEX, "", "男", "SEX_FROM_ID_NUMBER"));
        IdCardOcrResult served = new IdCardOcrResult(SeedSamples.FRONT_FIELDS, AdvancedInfo.EMPTY, List.of(),
                corrections, List.of(), null);
        try (IdCardOcrServer server = IdCardOcrServer.start(ServerSettings.defaults(),
                ScriptedRecognizer.returning(served), ApiKeys.of(KEYS.secretId(), KEYS.secretKey()),
                new GuardedImageFetcher(GuardedImageFetcher.Settings.DEFAULTS))) {
            // When
            IdCardOcrResult result = recognizer(server.endpoint(), Duration.ofSeconds(5), 1, 1)
                    .recognize(inline(new byte[] {1}, CardSide.FRONT, null)).get(10, TimeUnit.SECONDS);

            // Then
            assertThat(result.fields()).isEqualTo(SeedSamples.FRONT_FIELDS);
            assertThat(result.corrections()).isEqualTo(corrections);
        }
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
    void shouldFailAtOnceAndFinallyWhenASuccessfulAnswerCannotBeMapped() throws Exception {
        // Given: a successful answer whose glare entry has no Position (the SDK gives a null)
        endpoint.answer(Answer.ok(FRONT_ANSWER.replace("[{\"Position\":\"Portrait\"}]", "[{}]")));
        TencentIdCardRecognizer recognizer = recognizer(endpoint.endpoint(), Duration.ofSeconds(5), 1, 1);

        // When
        long started = System.nanoTime();
        OcrException error = failure(recognizer.recognize(inline(new byte[] {1}, CardSide.FRONT, null)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // Then: a terminal client error with the answer's RequestId, long before the 5 s call deadline, one call
        assertThat(List.of(error.code(), String.valueOf(error.providerRequestId()),
                String.valueOf(error.classification().retryable()), String.valueOf(took.toMillis() < 2_000)))
                .containsExactly(ErrorCodes.CLIENT_RESULT_ERROR, "req-front-1", "false", "true");
        assertThat(endpoint.recorded()).hasSize(1);
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
