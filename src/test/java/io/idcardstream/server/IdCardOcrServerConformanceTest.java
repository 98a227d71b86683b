package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.ocr.v20181119.OcrClient;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRRequest;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRResponse;
import io.idcardstream.fetch.GuardedImageFetcher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, conformance with the API reference (../shared/reference/IDCardOCR-api.md) and what its official
 * clients send: strict JSON and Base64, the GET form, regions, and codes the recogniser reports. The real server
 * over real HTTP, called by the official Java SDK where it can send the request, else raw signed HTTP.
 */
class IdCardOcrServerConformanceTest {
    private static final String SECRET_ID = "AKIDconformance";
    private static final String SECRET_KEY = "conformanceKey";

    private IdCardOcrServer server;
    private ScriptedRecognizer recognizer = ScriptedRecognizer.returning(SeedSamples.FRONT);

    @AfterEach
    void stop() {
        if (server != null) {
            Await.closeOnceAnswered(server);
        }
    }

    private void start() throws Exception {
        server = IdCardOcrServer.start(ServerSettings.defaults(), recognizer, ApiKeys.of(SECRET_ID, SECRET_KEY),
                new GuardedImageFetcher(GuardedImageFetcher.Settings.DEFAULTS));
    }

    private OcrClient client(String region) {
        return new OcrClient(new Credential(SECRET_ID, SECRET_KEY), region, SdkClients.profile(server.endpoint()));
    }

    private static IDCardOCRRequest image(String base64) {
        IDCardOCRRequest request = new IDCardOCRRequest();
        request.setImageBase64(base64);
        return request;
    }

    /** A raw POST signed by the independent signer; the error as {@code code: message}, or "Success". */
    private String rawPost(byte[] body) throws Exception {
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("content-type", "application/json; charset=utf-8");
        signed.put("host", server.endpoint());
        RawHttp.Response response = RawHttp.send(server.port(), "POST", "/", IndependentTc3Signer.signedHeaders(
                SECRET_ID, SECRET_KEY, Instant.now().getEpochSecond(), "127", signed, "IDCardOCR", body), body);
        return response.body().contains("\"Error\"") ? response.body().replaceAll(
                ".*\"Code\":\"([^\"]+)\",\"Message\":\"([^\"]+)\".*", "$1: $2").trim() : "Success";
    }

    @Test
    void shouldRefuseABodyOrAConfigFollowedByTrailingText() throws Exception {
        // Given
        start();
        IDCardOCRRequest trailingConfig = image("AQID");
        trailingConfig.setConfig("{\"CropIdCard\":true}x");

        // When
        String body = rawPost("{\"ImageBase64\":\"AQID\"}{\"x\":1}".getBytes(StandardCharsets.UTF_8));
        String config = SdkClients.apiError(client("ap-guangzhou"), trailingConfig);

        // Then
        assertThat(List.of(body, config)).containsExactly(
                "InvalidParameter: The request body is not valid JSON (line 1, column 23).",
                "InvalidParameter.ConfigFormatError: Config is not valid JSON");
        assertThat(recognizer.requests()).isEmpty();
    }

    @Test
    void shouldAnswerImageDecodeFailedForImageBase64OutsideTheAlphabet() throws Exception {
        // Given
        start();

        // When
        String notBase64 = SdkClients.apiError(client("ap-guangzhou"), image("!!!"));
        String urlSafe = SdkClients.apiError(client("ap-guangzhou"), image("_-8A"));

        // Then
        assertThat(List.of(notBase64, urlSafe)).containsOnly("FailedOperation.ImageDecodeFailed: ImageBase64 is "
                + "not valid Base64 (RFC 4648 alphabet, padded or not).");
    }

    @Test
    void shouldAcceptImageBase64WrappedInLines() throws Exception {
        // Given a MIME-style encoder's line breaks
        start();

        // When
        IDCardOCRResponse response = client("ap-guangzhou").IDCardOCR(image("AQID\r\nBAUG\n"));

        // Then the image is the bytes without the breaks
        assertThat(response.getName()).isEqualTo("李明");
        assertThat(((io.idcardstream.ocr.ImageSource.Inline) recognizer.requests().get(0).image()).bytes())
                .containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void shouldServeTheGetFormWithQueryParametersFromTheJavaSdk() throws Exception {
        // Given the official SDK set to GET (API 3.0's other form: parameters in the query string)
        start();
        ClientProfile profile = SdkClients.profile(server.endpoint());
        profile.getHttpProfile().setReqMethod("GET");
        OcrClient getClient = new OcrClient(new Credential(SECRET_ID, SECRET_KEY), "ap-guangzhou", profile);
        IDCardOCRRequest request = image("AQID");
        request.setCardSide("BACK");
        request.setConfig("{\"CropIdCard\":true}");
        request.setEnableRecognitionRectify(false);

        // When
        IDCardOCRResponse response = getClient.IDCardOCR(request);

        // Then the call is answered, with every parameter as sent
        assertThat(response.getName()).isEqualTo("李明");
        assertThat(recognizer.requests()).hasSize(1);
        assertThat(recognizer.requests().get(0).cardSide()).hasToString("BACK");
        assertThat(recognizer.requests().get(0).options().cropIdCard()).isTrue();
        assertThat(recognizer.requests().get(0).options().enableRecognitionRectify()).isFalse();
    }

    @Test
    void shouldRefuseARegionWhereTheApiIsNotOfferedAndAcceptNone() throws Exception {
        // Given
        start();

        // When
        String mars = SdkClients.apiError(client("ap-mars"), image("AQID"));
        String none = client(null).IDCardOCR(image("AQID")).getName();
        String beijing = client("ap-beijing").IDCardOCR(image("AQID")).getName();

        // Then
        assertThat(mars).isEqualTo("UnsupportedRegion: The region `ap-mars` is not supported by IDCardOCR; "
                + "supported: ap-beijing, ap-guangzhou, ap-hongkong, ap-shanghai, ap-singapore.");
        assertThat(List.of(none, beijing)).containsOnly("李明");
    }

    @Test
    void shouldPassEveryImageErrorTheRecogniserReportsThrough() throws Exception {
        // Given the API's image codes, each reported by a recogniser (MultiCardError: two cards of the side asked)
        List<String> codes = List.of("FailedOperation.ImageBlur", "FailedOperation.ImageDecodeFailed",
                "FailedOperation.ImageNoIdCard", "FailedOperation.ImageSizeTooLarge", "FailedOperation.OcrFailed",
                "FailedOperation.MultiCardError");
        List<String> answers = new java.util.ArrayList<>();
        for (String code : codes) {
            recognizer = ScriptedRecognizer.failing(code, "reported by the recogniser");
            start();

            // When
            answers.add(SdkClients.apiError(client("ap-guangzhou"), image("AQID")));
            Await.closeOnceAnswered(server);
            server = null;
        }

        // Then each reaches the SDK with its code and message
        assertThat(answers).containsExactlyElementsOf(codes.stream()
                .map(code -> code + ": reported by the recogniser").toList());
    }
}
