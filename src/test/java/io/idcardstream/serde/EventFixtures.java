package io.idcardstream.serde;

import io.idcardstream.events.BackIdentity;
import io.idcardstream.events.CardSide;
import io.idcardstream.events.CardWarnType;
import io.idcardstream.events.CardWarning;
import io.idcardstream.events.Crops;
import io.idcardstream.events.ErrorCategory;
import io.idcardstream.events.FieldCorrection;
import io.idcardstream.events.FieldDetail;
import io.idcardstream.events.FrontIdentity;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.events.InlineImage;
import io.idcardstream.events.OcrOptions;
import io.idcardstream.events.Point;
import io.idcardstream.events.ProviderInfo;
import io.idcardstream.events.RawFields;
import io.idcardstream.events.Sex;
import io.idcardstream.events.Timings;
import io.idcardstream.events.UncheckedWarning;
import io.idcardstream.events.ValidationReport;
import io.idcardstream.events.WarningKind;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixed events for serde tests and for the golden files (made from these very records with Confluent's
 * serializer; see golden/README.md). Changing a value here changes the expected bytes: regenerate the golden
 * files as the README says. The personal data is synthetic (the ID number is GB 11643's worked example).
 */
final class EventFixtures {
    static final Instant REQUESTED_AT = Instant.parse("2026-11-25T08:30:00.123Z");

    private EventFixtures() {
    }

    /** A front-side request with an inline image (300 bytes, so the length needs a two-byte varint) and options. */
    static IdCardOcrRequested ocrRequested() {
        byte[] image = new byte[300];
        image[0] = (byte) 0xFF;
        image[1] = (byte) 0xD8;
        for (int i = 2; i < image.length; i++) {
            image[i] = (byte) (i * 7);
        }
        return IdCardOcrRequested.newBuilder()
                .setRequestId("req-0001")
                .setSubjectId("subject-42")
                .setImage(InlineImage.newBuilder().setData(ByteBuffer.wrap(image)).setMediaType("image/jpeg").build())
                .setCardSide(CardSide.FRONT)
                .setOptions(OcrOptions.newBuilder()
                        .setCropIdCard(true)
                        .setCropPortrait(false)
                        .setCopyWarn(true)
                        .setEnableRecognitionRectify(true)
                        .setCardWarnType(CardWarnType.ADVANCED)
                        .build())
                .setRequestedAt(REQUESTED_AT)
                .setReprocess(false)
                .setAttributes(orderedMap("tenant", "acme", "traceId", "4bf92f3577b34da6"))
                .build();
    }

    /**
     * A front-side outcome with every kind of field filled: unicode text, dates, arrays, crops, validation and a
     * correction.
     */
    static IdentityRecognized identityRecognized() {
        return IdentityRecognized.newBuilder()
                .setRequestId("req-0001")
                .setSubjectId("subject-42")
                .setSide(CardSide.FRONT)
                .setFront(FrontIdentity.newBuilder()
                        .setName("张三")
                        .setSex(Sex.MALE)
                        .setNation("汉")
                        .setBirthDate(LocalDate.of(1949, 12, 31))
                        .setAddress("北京市东城区示例路1号")
                        .setIdNumber("11010519491231002X")
                        .build())
                .setBack((BackIdentity) null)
                .setRaw(RawFields.newBuilder()
                        .setName("张三")
                        .setSex("男")
                        .setNation("汉")
                        .setBirth("1949/12/31")
                        .setAddress("北京市东城区示例路1号")
                        .setIdNum("11010519491231002X")
                        .build())
                .setFieldDetails(List.of(FieldDetail.newBuilder()
                        .setField("IdNum")
                        .setConfidence(0.987f)
                        .setPolygon(List.of(point(120, 402), point(610, 400), point(611, 440), point(121, 443)))
                        .build()))
                .setWarnings(List.of(CardWarning.newBuilder().setCode(-9102).setKind(WarningKind.PHOTOCOPY)
                        .setScore(0.75f).build()))
                .setWarningsNotChecked(List.of(UncheckedWarning.newBuilder().setCode(-9106).setKind(WarningKind.EDITED)
                        .build()))
                .setQuality(87)
                .setBorderCodeValue(null)
                .setCrops(Crops.newBuilder()
                        .setIdCard(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}))
                        .setPortrait(null)
                        .setPortraitOmitted(true)
                        .build())
                .setValidation(ValidationReport.newBuilder()
                        .setIdNumberFormatValid(true)
                        .setCheckDigitValid(true)
                        .setRegionCodeKnown(true)
                        .setBirthMatchesIdNumber(true)
                        .setSexMatchesIdNumber(true)
                        .setIssues(List.of())
                        .setCorrections(List.of(FieldCorrection.newBuilder()
                                .setField("IdNum")
                                .setRead("11010519491231002Y")
                                .setReturned("11010519491231002X")
                                .setReason("ID_NUMBER_FROM_CHECK_DIGIT")
                                .build()))
                        .build())
                .setProvider(ProviderInfo.newBuilder()
                        .setProvider("local")
                        .setEngineVersion("idcard-stream 0.1.0")
                        .setModelVersion("PP-OCRv4")
                        .build())
                .setAttempts(1)
                .setTimings(timings())
                .setAttributes(orderedMap("tenant", "acme", "traceId", "4bf92f3577b34da6"))
                .build();
    }

    /** A terminal image failure after one call. */
    static IdCardOcrFailed ocrFailed() {
        return IdCardOcrFailed.newBuilder()
                .setRequestId("req-0002")
                .setSubjectId("subject-43")
                .setSide(CardSide.BACK)
                .setErrorCode("FailedOperation.ImageNoIdCard")
                .setCategory(ErrorCategory.IMAGE)
                .setRetryable(false)
                .setAttempts(1)
                .setMessage("No ID card found in the image")
                .setProvider(ProviderInfo.newBuilder()
                        .setProvider("tencent")
                        .setEndpoint("ocr.tencentcloudapi.com")
                        .setEngineVersion("tencentcloud-sdk-java 3.1.1342")
                        .setProviderRequestId("6ce0a4e2-2d2f-4a5e-9c11-1f0b0c7f8d3e")
                        .build())
                .setTimings(timings())
                .setAttributes(Map.of())
                .build();
    }

    private static Timings timings() {
        return Timings.newBuilder()
                .setRequestedAt(REQUESTED_AT)
                .setReceivedAt(Instant.parse("2026-11-25T08:30:00.456Z"))
                .setCompletedAt(Instant.parse("2026-11-25T08:30:01.789Z"))
                .setRateLimitWaitMillis(12)
                .setOcrMillis(1321)
                .build();
    }

    private static Point point(int x, int y) {
        return Point.newBuilder().setX(x).setY(y).build();
    }

    private static Map<String, String> orderedMap(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
