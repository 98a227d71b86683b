package io.idcardstream.ocr.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldEvidence;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.WarningDetail;
import io.idcardstream.ocr.tencent.ScriptedTencentEndpoint.Answer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the worker calling {@code serve} through the real SDK keeps what serve says about its warnings inside
 * {@code AdvancedInfo}: which requested warnings were not checked, and each raised warning's score and region.
 */
class TencentWarningsPassThroughTest {
    private final ScriptedTencentEndpoint endpoint = new ScriptedTencentEndpoint();
    private TencentIdCardRecognizer recognizer;

    @AfterEach
    void tearDown() {
        if (recognizer != null) {
            recognizer.close();
        }
        endpoint.close();
    }

    @Test
    void shouldCarryTheWarningsNotCheckedAndEachWarningsScoreAndRegionThroughTheSdk() throws Exception {
        // Given serve's answer for a back with a cut edge, an unchecked occlusion and an unchecked edit
        endpoint.answer(Answer.ok("""
                {"Response":{"Name":"","Sex":"","Nation":"","Birth":"","Address":"","IdNum":"",
                "Authority":"赵县公安局","ValidDate":"2010.07.21-2020.07.21",
                "AdvancedInfo":"{\\"BorderCodeValue\\":100,\\"WarnInfos\\":[-9101],\\"WarnDetails\\":[{\\"Code\\":-9101,\
                \\"Score\\":1.0,\\"Region\\":[{\\"X\\":10,\\"Y\\":300},{\\"X\\":500,\\"Y\\":300},{\\"X\\":500,\\"Y\\":320},\
                {\\"X\\":10,\\"Y\\":320}]}],\\"WarnNotChecked\\":[-9105,-9106]}",
                "ReflectDetailInfos":[],"RequestId":"req-warn-1"}}"""));
        recognizer = new TencentIdCardRecognizer(new TencentSettings(endpoint.endpoint(), false, "ap-guangzhou",
                new TencentCredentials("AKIDtest0000000001", "secret-key-1"), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 1, 1));

        // When the worker's recogniser reads it
        IdCardOcrResult result = recognizer.recognize(new IdCardOcrRequest(new ImageSource.Inline(new byte[] {1}),
                CardSide.BACK, null)).get(10, TimeUnit.SECONDS);

        // Then the warning, its score and region, and the codes not checked all arrive
        assertThat(result.advancedInfo().warnings()).containsExactly(-9101);
        assertThat(result.advancedInfo().warningsNotChecked()).containsExactly(-9105, -9106);
        assertThat(result.advancedInfo().warningDetails()).containsExactly(new WarningDetail(-9101, 1.0f, List.of(
                new FieldEvidence.Point(10, 300), new FieldEvidence.Point(500, 300),
                new FieldEvidence.Point(500, 320), new FieldEvidence.Point(10, 320))));
    }
}
