package io.idcardstream.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.fetch.ImageFetchException;
import io.idcardstream.fetch.ImageFetcher;
import io.idcardstream.ocr.ApiEnvelope;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12: no switch of the API is accepted without effect. Every switch is asked on its own, on a clean card and
 * on a flagged one (real models, real dev images), and its answer, byte for byte as {@code serve} writes it, must
 * differ from the answer to the same image with the switch not asked: it produced something, raised a warning, or
 * said in {@code AdvancedInfo.WarnNotChecked} that it did not check. An answer equal to "not asked" would let a KYC
 * client take an unchecked card for a clean one.
 */
class WarningSwitchesTest {
    private static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-25T04:00:00Z"), ZoneOffset.UTC);
    private static final ImageFetcher NO_URLS = url -> {
        throw new ImageFetchException(ImageFetchException.Reason.REFUSED, "no URLs in this test");
    };
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> NOT_ASKED = new LinkedHashMap<>();

    private static LocalIdCardRecognizer engine;

    @BeforeAll
    static void startEngine() {
        engine = new LocalIdCardRecognizer(EngineSettings.DEFAULTS.withCallDeadline(Duration.ofSeconds(30)),
                SharedModels.get(), false, NO_URLS, NOVEMBER_2026);
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    /**
     * The switches with the image each is asked on: front_04 is a clean colour scan, front_10 a grey photocopy,
     * back_01 a back with a cut edge and an expired validity, both_02 both sides in one image. Switches that read
     * something only one side has are asked where it is: {@code CropPortrait} on fronts, {@code MultiCardDetect} on
     * the image that has two sides (on one side it rightly answers like "not asked": there is no other side), and
     * {@code EnableDateVerify=false} with {@code InvalidDateWarn}, which it qualifies, on backs. Left out:
     * {@code EnableRecognitionRectify=false}, not a check but a permission to change fields: on a card that needs no
     * rectifying it rightly answers like "not asked", and what it changes is reported as corrections (FieldRectifier).
     */
    @ParameterizedTest(name = "{0} on {2}")
    @CsvSource(delimiter = '|', textBlock = """
            CropIdCard               | {"CropIdCard":true}      | front_04.jpg | FRONT |
            CropIdCard               | {"CropIdCard":true}      | front_10.png | FRONT |
            CropPortrait             | {"CropPortrait":true}    | front_04.jpg | FRONT |
            CropPortrait             | {"CropPortrait":true}    | front_10.png | FRONT |
            CopyWarn                 | {"CopyWarn":true}        | front_04.jpg | FRONT |
            CopyWarn                 | {"CopyWarn":true}        | front_10.png | FRONT |
            BorderCheckWarn          | {"BorderCheckWarn":true} | front_04.jpg | FRONT |
            BorderCheckWarn          | {"BorderCheckWarn":true} | back_01.jpg  | BACK  |
            ReshootWarn              | {"ReshootWarn":true}     | front_04.jpg | FRONT |
            ReshootWarn              | {"ReshootWarn":true}     | front_08.jpg | FRONT |
            DetectPsWarn             | {"DetectPsWarn":true}    | front_04.jpg | FRONT |
            DetectPsWarn             | {"DetectPsWarn":true}    | front_10.png | FRONT |
            TempIdWarn               | {"TempIdWarn":true}      | front_04.jpg | FRONT |
            TempIdWarn               | {"TempIdWarn":true}      | front_10.png | FRONT |
            InvalidDateWarn          | {"InvalidDateWarn":true} | front_04.jpg | FRONT |
            InvalidDateWarn          | {"InvalidDateWarn":true} | back_01.jpg  | BACK  |
            Quality                  | {"Quality":true}         | front_04.jpg | FRONT |
            Quality                  | {"Quality":true}         | front_10.png | FRONT |
            MultiCardDetect          | {"MultiCardDetect":true} | both_02.jpg  | FRONT |
            ReflectWarn              | {"ReflectWarn":true}     | front_04.jpg | FRONT |
            ReflectWarn              | {"ReflectWarn":true}     | front_10.png | FRONT |
            EnableReflectDetail      | {"ReflectWarn":true}     | front_04.jpg | FRONT | EnableReflectDetail
            EnableReflectDetail      | {"ReflectWarn":true}     | front_10.png | FRONT | EnableReflectDetail
            CardWarnType=Advanced    | {"DetectPsWarn":true}    | front_04.jpg | FRONT | Advanced
            CardWarnType=Advanced    | {"DetectPsWarn":true}    | front_10.png | FRONT | Advanced
            EnableDateVerify         | {"InvalidDateWarn":true} | back_01.jpg  | BACK  | DateVerifyOff
            EnableDateVerify         | {"InvalidDateWarn":true} | both_02.jpg  | BACK  | DateVerifyOff
            """)
    void shouldAnswerEverySwitchDifferentlyFromNotAskingIt(String name, String config, String file, CardSide side,
            String topLevel) throws Exception {
        // Given an image, and the switch's answer when it is not asked (its prerequisite Config alone, for the
        // top-level switches that qualify a Config switch)
        byte[] image = DevSet.bytes(file);
        String notAsked = answer(image, side, topLevel == null ? OcrOptions.DEFAULTS
                : OcrOptions.fromConfigJson(config, null, null, null, null));
        // When the switch is asked
        OcrOptions asked = topLevel == null ? OcrOptions.fromConfigJson(config, null, null, null, null)
                : OcrOptions.fromConfigJson(config, null,
                        topLevel.equals("EnableReflectDetail") ? true : null,
                        topLevel.equals("DateVerifyOff") ? false : null,
                        topLevel.equals("Advanced") ? "Advanced" : null);
        String answer = answer(image, side, asked);
        // Then the answer shows it was asked: an effect, a warning, or the warning named as not checked
        assertThat(answer).as("%s on %s must not answer like 'not asked'", name, file).isNotEqualTo(notAsked);
        JsonNode advanced = JSON.readTree(JSON.readTree(answer).path("Response").path("AdvancedInfo").asText());
        if (name.endsWith("Warn") || topLevel != null) {
            assertThat(advanced.has("WarnInfos") || advanced.has("ReflectDetail"))
                    .as("%s on %s: %s", name, file, advanced).isTrue();
        }
    }

    private static String answer(byte[] image, CardSide side, OcrOptions options) throws Exception {
        String key = java.util.Arrays.hashCode(image) + "|" + side + "|" + options;
        String cached = NOT_ASKED.get(key);
        if (cached != null) {
            return cached;
        }
        var result = engine.recognize(new IdCardOcrRequest(new ImageSource.Inline(image), side, options))
                .get(60, TimeUnit.SECONDS);
        String answer = ApiEnvelope.compact(ApiEnvelope.success(result, "fixed-request-id"));
        NOT_ASKED.put(key, answer);
        return answer;
    }
}
