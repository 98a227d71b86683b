package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.ocr.v20181119.OcrClient;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRRequest;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRResponse;
import io.idcardstream.fetch.GuardedImageFetcher;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contract tests: the unmodified official Java SDK against the server, over real HTTP. */
class IdCardOcrServerSdkTest {
    private static final String SECRET_ID = "AKIDserverTest0000000000000000000000";
    private static final String SECRET_KEY = "serverTestSecretKey0000000000000000";
    private static final Path FRONT_07 = Path.of("../shared/datasets/idcards-dev/front_07.jpg");

    private IdCardOcrServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            Await.closeOnceAnswered(server);
        }
    }

    private OcrClient start(ScriptedRecognizer recognizer) throws Exception {
        return start(recognizer, ServerSettings.defaults(), Clock.systemUTC());
    }

    private OcrClient start(ScriptedRecognizer recognizer, ServerSettings settings, Clock clock) throws Exception {
        server = IdCardOcrServer.start(settings, recognizer, ApiKeys.of(SECRET_ID, SECRET_KEY),
                new GuardedImageFetcher(GuardedImageFetcher.Settings.DEFAULTS), clock);
        return SdkClients.client(server, SECRET_ID, SECRET_KEY);
    }

    private static IDCardOCRRequest base64Request(byte[] image, String side) {
        IDCardOCRRequest request = new IDCardOCRRequest();
        request.setImageBase64(Base64.getEncoder().encodeToString(image));
        request.setCardSide(side);
        return request;
    }

    @Test
    void shouldAnswerTheSeedFrontSampleWithEveryFieldAndAFreshRequestId() throws Exception {
        // Given
        byte[] image = Files.readAllBytes(FRONT_07);
        ScriptedRecognizer recognizer = ScriptedRecognizer.returning(SeedSamples.FRONT);
        OcrClient client = start(recognizer);

        // When
        IDCardOCRResponse response = client.IDCardOCR(base64Request(image, "FRONT"));

        // Then
        assertThat(SdkClients.fields(response)).isEqualTo(SdkClients.expectedFields("李明", "男", "汉", "1987/1/1",
                "北京市石景山区高新技术园腾讯大楼", "440524198701010014", "", "", "{}"));
        assertThat(response.getRequestId()).matches(SdkClients.UUID);
        assertThat(recognizer.requests()).containsExactly(
                new IdCardOcrRequest(new ImageSource.Inline(image), CardSide.FRONT, OcrOptions.DEFAULTS));
    }

    @Test
    void shouldAnswerTheSeedBackSample() throws Exception {
        // Given
        ScriptedRecognizer recognizer = ScriptedRecognizer.returning(SeedSamples.BACK);
        OcrClient client = start(recognizer);

        // When
        IDCardOCRResponse response = client.IDCardOCR(base64Request(new byte[] {1, 2, 3}, "BACK"));

        // Then
        assertThat(SdkClients.fields(response)).isEqualTo(SdkClients.expectedFields("", "", "", "", "", "", "赵县公安局",
                "2010.07.21-2020.07.21", "{}"));
        assertThat(recognizer.requests()).extracting(IdCardOcrRequest::cardSide).containsExactly(CardSide.BACK);
    }

    @Test
    void shouldReturnRequestedCropsInAdvancedInfo() throws Exception {
        // Given
        byte[] cardCrop = {(byte) 0xff, (byte) 0xd8, 10, 20, 30};
        byte[] portraitCrop = {(byte) 0xff, (byte) 0xd8, 40, 50};
        IdCardOcrResult withCrops = IdCardOcrResult.of(SeedSamples.FRONT_FIELDS,
                new AdvancedInfo(cardCrop, portraitCrop, null, null, List.of()), null);
        ScriptedRecognizer recognizer = ScriptedRecognizer.returning(withCrops);
        OcrClient client = start(recognizer);
        IDCardOCRRequest request = base64Request(new byte[] {9, 9, 9}, "FRONT");
        request.setConfig("{\"CropIdCard\":true,\"CropPortrait\":true}");

        // When
        IDCardOCRResponse response = client.IDCardOCR(request);

        // Then
        AdvancedInfo advanced = AdvancedInfo.parse(response.getAdvancedInfo());
        assertThat(response.getAdvancedInfo()).isEqualTo("{\"IdCard\":\"" + Base64.getEncoder().encodeToString(cardCrop)
                + "\",\"Portrait\":\"" + Base64.getEncoder().encodeToString(portraitCrop) + "\"}");
        assertThat(advanced.idCardCrop()).isEqualTo(cardCrop);
        assertThat(advanced.portraitCrop()).isEqualTo(portraitCrop);
        assertThat(recognizer.requests()).extracting(IdCardOcrRequest::options).containsExactly(
                new OcrOptions(true, true, null, null, null, null, null, null, null, null, null, null, null, null,
                        null));
    }

    @Test
    void shouldAddTheRecognisersCorrectionsToAdvancedInfoAfterTheApisOwnKeys() throws Exception {
        // Given: an ID number repaired by its check digit, then a birth date taken from the number
        IdCardOcrResult corrected = new IdCardOcrResult(SeedSamples.FRONT_FIELDS,
                new AdvancedInfo(null, null, 88, null, List.of(-9102)), List.of(),
                List.of(new FieldCorrection(FieldName.ID_NUM, "440524198701010074", "440524198701010014",
                                "ID_NUMBER_FROM_CHECK_DIGIT"),
                        new FieldCorrection(FieldName.BIRTH, "1987/1/7", "1987/1/1", "BIRTH_FROM_ID_NUMBER")),
                List.of(), null);
        OcrClient client = start(ScriptedRecognizer.returning(corrected));

        // When
        IDCardOCRResponse response = client.IDCardOCR(base64Request(new byte[] {1}, "FRONT"));

        // Then
        assertThat(response.getAdvancedInfo()).isEqualTo("{\"Quality\":88,\"WarnInfos\":[-9102],\"Corrections\":["
                + "{\"Field\":\"IdNum\",\"Read\":\"440524198701010074\",\"Returned\":\"440524198701010014\","
                + "\"Reason\":\"ID_NUMBER_FROM_CHECK_DIGIT\"},"
                + "{\"Field\":\"Birth\",\"Read\":\"1987/1/7\",\"Returned\":\"1987/1/1\","
                + "\"Reason\":\"BIRTH_FROM_ID_NUMBER\"}]}");
        assertThat(response.getIdNum()).isEqualTo("440524198701010014");
    }

    @Test
    void shouldLeaveAdvancedInfoAsTheApiWritesItWhenNothingWasCorrected() throws Exception {
        // Given: the same answer without corrections
        OcrClient client = start(ScriptedRecognizer.returning(IdCardOcrResult.of(SeedSamples.FRONT_FIELDS,
                new AdvancedInfo(null, null, 88, null, List.of(-9102)), null)));

        // When
        IDCardOCRResponse response = client.IDCardOCR(base64Request(new byte[] {1}, "FRONT"));

        // Then
        assertThat(response.getAdvancedInfo()).isEqualTo("{\"Quality\":88,\"WarnInfos\":[-9102]}");
    }

    @Test
    void shouldPassEveryConfigSwitchAndNewerFlagToTheRecognizer() throws Exception {
        // Given
        ScriptedRecognizer recognizer = ScriptedRecognizer.returning(SeedSamples.FRONT);
        OcrClient client = start(recognizer);
        IDCardOCRRequest request = base64Request(new byte[] {1}, null);
        request.setConfig("{\"CopyWarn\":true,\"BorderCheckWarn\":false,\"ReshootWarn\":true,\"DetectPsWarn\":true,"
                + "\"TempIdWarn\":true,\"InvalidDateWarn\":true,\"Quality\":true,\"MultiCardDetect\":false,"
                + "\"ReflectWarn\":true}");
        request.setEnableRecognitionRectify(false);
        request.setEnableReflectDetail(true);
        request.setEnableDateVerify(false);
        request.setCardWarnType("Advanced");

        // When
        client.IDCardOCR(request);

        // Then
        assertThat(recognizer.requests()).containsExactly(new IdCardOcrRequest(new ImageSource.Inline(new byte[] {1}),
                null, new OcrOptions(null, null, true, false, true, true, true, true, true, false, true, false, true,
                false, "Advanced")));
    }

    @Test
    void shouldGiveEveryAnswerItsOwnRequestId() throws Exception {
        // Given
        OcrClient client = start(ScriptedRecognizer.returning(SeedSamples.FRONT));

        // When
        Set<String> requestIds = new TreeSet<>();
        for (int i = 0; i < 3; i++) {
            requestIds.add(client.IDCardOCR(base64Request(new byte[] {1}, "FRONT")).getRequestId());
        }

        // Then
        assertThat(requestIds).hasSize(3).allMatch(id -> SdkClients.UUID.matcher(id).matches());
    }

    @Test
    void shouldAcceptTheSdkUnsignedPayloadMode() throws Exception {
        // Given
        start(ScriptedRecognizer.returning(SeedSamples.FRONT));
        ClientProfile profile = SdkClients.profile(server.endpoint());
        profile.setUnsignedPayload(true);
        OcrClient client = new OcrClient(new Credential(SECRET_ID, SECRET_KEY), "ap-guangzhou", profile);

        // When
        IDCardOCRResponse response = client.IDCardOCR(base64Request(new byte[] {1}, "FRONT"));

        // Then
        assertThat(response.getIdNum()).isEqualTo("440524198701010014");
    }

    @Test
    void shouldAcceptTheSdkProxyModeWithAbsoluteFormRequestTarget() throws Exception {
        // Given the SDK keeps the real host (service "ocr") and routes through the server as an HTTP proxy
        start(ScriptedRecognizer.returning(SeedSamples.BACK));
        HttpProfile http = new HttpProfile();
        http.setProtocol(HttpProfile.REQ_HTTP);
        http.setProxyHost("127.0.0.1");
        http.setProxyPort(server.port());
        http.setConnTimeout(5);
        http.setReadTimeout(30);
        http.setWriteTimeout(30);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        OcrClient client = new OcrClient(new Credential(SECRET_ID, SECRET_KEY), "ap-guangzhou", profile);

        // When
        IDCardOCRResponse response = client.IDCardOCR(base64Request(new byte[] {1}, "BACK"));

        // Then
        assertThat(response.getAuthority()).isEqualTo("赵县公安局");
    }

    @Test
    void shouldAnswerEachBadRequestWithTheApiErrorCode() throws Exception {
        // Given
        OcrClient client = start(ScriptedRecognizer.returning(SeedSamples.FRONT));
        OcrClient unknownId = SdkClients.client(server, "AKIDnobody", SECRET_KEY);
        OcrClient wrongKey = SdkClients.client(server, SECRET_ID, "not-the-key");
        IDCardOCRRequest unknownParameter = base64Request(new byte[] {1}, "FRONT");
        unknownParameter.set("ImageFormat", "jpg");
        IDCardOCRRequest wrongType = base64Request(new byte[] {1}, "FRONT");
        wrongType.set("EnableDateVerify", "yes");
        IDCardOCRRequest badConfig = base64Request(new byte[] {1}, "FRONT");
        badConfig.setConfig("{CropIdCard:true");
        IDCardOCRRequest nonBooleanConfig = base64Request(new byte[] {1}, "FRONT");
        nonBooleanConfig.setConfig("{\"CropIdCard\":\"yes\"}");
        IDCardOCRRequest badSide = base64Request(new byte[] {1}, "SIDEWAYS");
        IDCardOCRRequest badWarnType = base64Request(new byte[] {1}, "FRONT");
        badWarnType.setCardWarnType("Paranoid");
        IDCardOCRRequest noImage = new IDCardOCRRequest();
        noImage.setCardSide("FRONT");
        IDCardOCRRequest emptyImage = new IDCardOCRRequest();
        emptyImage.setImageBase64("");
        IDCardOCRRequest notBase64 = new IDCardOCRRequest();
        notBase64.setImageBase64("A");
        IDCardOCRRequest tooLarge = new IDCardOCRRequest();
        tooLarge.setImageBase64("A".repeat(ApiRequestParser.MAX_IMAGE_BASE64_CHARS + 4));
        IDCardOCRRequest exactlyAtLimit = new IDCardOCRRequest();
        exactlyAtLimit.setImageBase64("QUFB".repeat(ApiRequestParser.MAX_IMAGE_BASE64_CHARS / 4));

        // When
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("unknown SecretId", SdkClients.apiError(unknownId, base64Request(new byte[] {1}, "FRONT")));
        errors.put("wrong SecretKey", SdkClients.apiError(wrongKey, base64Request(new byte[] {1}, "FRONT")));
        errors.put("unknown parameter", SdkClients.apiError(client, unknownParameter));
        errors.put("wrong type", SdkClients.apiError(client, wrongType));
        errors.put("Config not JSON", SdkClients.apiError(client, badConfig));
        errors.put("Config switch not boolean", SdkClients.apiError(client, nonBooleanConfig));
        errors.put("bad CardSide", SdkClients.apiError(client, badSide));
        errors.put("bad CardWarnType", SdkClients.apiError(client, badWarnType));
        errors.put("no image", SdkClients.apiError(client, noImage));
        errors.put("empty image", SdkClients.apiError(client, emptyImage));
        errors.put("not Base64", SdkClients.apiError(client, notBase64));
        errors.put("ImageBase64 over 6 MiB", SdkClients.apiError(client, tooLarge));
        IDCardOCRResponse atLimit = client.IDCardOCR(exactlyAtLimit);

        // Then
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("unknown SecretId", "AuthFailure.SecretIdNotFound: The SecretId is not found, please ensure "
                + "that your SecretId is correct.");
        expected.put("wrong SecretKey", "AuthFailure.SignatureFailure: The provided credentials could not be "
                + "validated. Please check your signature is correct.");
        expected.put("unknown parameter", "UnknownParameter: The parameter `ImageFormat` is not recognized.");
        expected.put("wrong type", "InvalidParameter: The value of parameter `EnableDateVerify` must be a Boolean.");
        expected.put("Config not JSON", "InvalidParameter.ConfigFormatError: Config is not valid JSON");
        expected.put("Config switch not boolean",
                "InvalidParameter.ConfigFormatError: Config.CropIdCard must be true or false");
        expected.put("bad CardSide", "InvalidParameterValue.InvalidParameterValueLimit: CardSide must be FRONT or BACK.");
        expected.put("bad CardWarnType",
                "InvalidParameterValue.InvalidParameterValueLimit: CardWarnType must be Basic or Advanced.");
        expected.put("no image", "FailedOperation.EmptyImageError: Either ImageBase64 or ImageUrl is required.");
        expected.put("empty image", "FailedOperation.EmptyImageError: Either ImageBase64 or ImageUrl is required.");
        expected.put("not Base64", "FailedOperation.ImageDecodeFailed: ImageBase64 is not valid Base64 (RFC 4648 "
                + "alphabet, padded or not).");
        expected.put("ImageBase64 over 6 MiB", "LimitExceeded.TooLargeFileError: ImageBase64 is 6291460 characters; "
                + "the limit is 6291456 (6 MiB).");
        assertThat(errors).containsExactlyEntriesOf(expected);
        assertThat(atLimit.getIdNum()).isEqualTo("440524198701010014");
    }

    @Test
    void shouldAnswerSignatureExpireWhenTheClientClockIsMoreThanFiveMinutesOff() throws Exception {
        // Given a server whose clock is 301 s ahead of the SDK's
        OcrClient client = start(ScriptedRecognizer.returning(SeedSamples.FRONT), ServerSettings.defaults(),
                Clock.offset(Clock.systemUTC(), Duration.ofSeconds(301)));

        // When
        String error = SdkClients.apiError(client, base64Request(new byte[] {1}, "FRONT"));

        // Then
        Matcher matcher = Pattern.compile("AuthFailure\\.SignatureExpire: The signature expired: X-TC-Timestamp "
                + "(\\d+) is more than 300 seconds from the server time (\\d+)\\.").matcher(error);
        assertThat(matcher.matches()).as(error).isTrue();
        assertThat(Long.parseLong(matcher.group(2)) - Long.parseLong(matcher.group(1))).isBetween(301L, 303L);
    }

    @Test
    void shouldPassTheRecognizerErrorCodeThrough() throws Exception {
        // Given
        OcrClient client = start(ScriptedRecognizer.failing(ErrorCodes.IMAGE_NO_ID_CARD, "No ID card in the image."));

        // When
        String error = SdkClients.apiError(client, base64Request(new byte[] {1}, "FRONT"));

        // Then
        assertThat(error).isEqualTo("FailedOperation.ImageNoIdCard: No ID card in the image.");
    }

    @Test
    void shouldTranslateTheRecognizersClientSideCodesIntoApiCodes() throws Exception {
        // Given recognisers failing with this project's own codes, which are not API codes
        Map<String, String> answers = new LinkedHashMap<>();
        for (String code : List.of(ErrorCodes.CLIENT_OVERLOADED, ErrorCodes.CLIENT_TIMEOUT,
                ErrorCodes.CLIENT_NETWORK_ERROR, ErrorCodes.SERVICE_UNAVAILABLE)) {
            try (IdCardOcrServer failing = IdCardOcrServer.start(ServerSettings.defaults(),
                    ScriptedRecognizer.failing(code, "detail"), ApiKeys.of(SECRET_ID, SECRET_KEY),
                    new GuardedImageFetcher(GuardedImageFetcher.Settings.DEFAULTS))) {
                // When
                answers.put(code, SdkClients.apiError(SdkClients.client(failing, SECRET_ID, SECRET_KEY),
                        base64Request(new byte[] {1}, "FRONT")));
            }
        }

        // Then
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("ClientOverloaded", "RequestLimitExceeded: The recogniser is busy. Please retry later.");
        expected.put("ClientTimeout", "InternalError: The recognition did not finish within its deadline.");
        expected.put("ClientNetworkError", "InternalError: Internal error.");
        expected.put("ServiceUnavailable", "ServiceUnavailable: detail");
        assertThat(answers).containsExactlyEntriesOf(expected);
    }

    @Test
    void shouldAnswerInternalErrorWhenTheRecognizerMissesTheDeadline() throws Exception {
        // Given
        OcrClient client = start(ScriptedRecognizer.neverAnswering(), ServerSettings.defaults()
                .withRequestTimeout(Duration.ofMillis(200)), Clock.systemUTC());

        // When
        String error = SdkClients.apiError(client, base64Request(new byte[] {1}, "FRONT"));

        // Then
        assertThat(error).isEqualTo("InternalError: The request did not finish within 200 ms.");
    }

    @Test
    void shouldAcceptTimestampsWithinFiveMinutes() throws Exception {
        // Given a server whose clock is 299 s behind the SDK's
        OcrClient client = start(ScriptedRecognizer.returning(SeedSamples.FRONT), ServerSettings.defaults(),
                Clock.fixed(Instant.now().minusSeconds(299), ZoneOffset.UTC));

        // When
        IDCardOCRResponse response = client.IDCardOCR(base64Request(new byte[] {1}, "FRONT"));

        // Then
        assertThat(response.getName()).isEqualTo("李明");
    }
}
