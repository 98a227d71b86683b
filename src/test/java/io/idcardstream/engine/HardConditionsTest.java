package io.idcardstream.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.labels.CardLabels;
import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.fetch.ImageFetchException;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The issue 10 rule on the real models: each condition the engine has a heuristic for is read on a class of
 * images, every committed hard-set fixture of that variant ({@code synthetic-hard/}, two per variant, three for the
 * rotated page), each side the image shows requested in turn, every field exact. The conditions are those the
 * engine's heuristics name: stamps over values ({@code StampInk}, {@code StampText}), watermarks
 * ({@code TextSegments}' crosswise lines), two cards on a page ({@code CardLocator}, {@code TextClusters}), a page
 * at any angle ({@code TurnedPage}), small text, worn copies, perspective with glare, three-line addresses, the
 * nations ({@code NationCompletion}), X check characters, an app's form repeating the labels
 * ({@code AnchorConsensus}), competition crops and low-resolution renders.
 */
class HardConditionsTest {
    private static final OcrOptions MULTI_CARD = options("{\"MultiCardDetect\":true}");

    private static LocalIdCardRecognizer engine;

    @BeforeAll
    static void startEngine() {
        engine = new LocalIdCardRecognizer(EngineSettings.DEFAULTS.withCallDeadline(Duration.ofSeconds(30)),
                SharedModels.get(), url -> {
                    throw new ImageFetchException(ImageFetchException.Reason.REFUSED, "no URLs in this test");
                });
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    /**
     * A stamp over a value line hides part of it: a person reads it with effort, and so does the engine, which may
     * lose one field there (001: the address under the 复印无效 stamp; 002: 长期 under the seal) but no more, and never
     * reads the stamp's own text into a value.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stampRed")
    void shouldReadCardsUnderARedCopyStampOrSeal(String file, CardSide side, LabelledImage image) throws Exception {
        // Given a card whose value line lies under a red 复印无效 stamp or 禁止复印 seal (the ink multiplies)
        // When the side is recognised, Then at most the field under the stamp is wrong: the red ink is not text
        assertAtMostOneFieldWrong(image, side);
    }

    /** As under a red stamp: at most the field under the stamp is lost, never the stamp read into a value. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stampGrey")
    void shouldReadGreyCopiesUnderANearBlackStamp(String file, CardSide side, LabelledImage image)
            throws Exception {
        // Given a tightly cropped grey card with a near-black stamp over a value: colour cannot tell it from text
        // When the side is recognised, Then the stamp's phrase and frame are left out of the value
        assertAtMostOneFieldWrong(image, side);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("watermark")
    void shouldReadCardsUnderAWatermark(String file, CardSide side, LabelledImage image) throws Exception {
        // Given a guilloche overlay and a 仅限…使用 / 样本 watermark at the corner or diagonally across the card
        // When the side is recognised, Then the watermark's text is in no value
        assertEveryFieldExact(image, side);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("a4TwoCards")
    void shouldReadEachCardOfAnA4PageWhenItsSideIsRequested(String file, CardSide side, LabelledImage image)
            throws Exception {
        // Given both sides on one A4 sheet, each turned a little, scanned or photocopied
        // When one side is requested, Then it is that card's fields, none of the other's
        assertEveryFieldExact(image, side);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("a4Pages")
    void shouldReadBothCardsOfAnA4PageWithMultiCardDetect(String file, LabelledImage image) throws Exception {
        // Given both sides on one A4 sheet and MultiCardDetect
        // When the front is requested
        IdCardOcrResult result = recognize(image.file(), CardSide.FRONT, MULTI_CARD);
        // Then the back's fields come with the front's, each from its own card
        assertThat(FieldsView.of(result.fields())).isEqualTo(FieldsView.of(bothSides(image)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pageRotated")
    void shouldReadACardOrPageTurnedByAnyAngle(String file, CardSide side, LabelledImage image) throws Exception {
        // Given a card, or an A4 page with both sides, on a table turned by an arbitrary angle
        // When each side is recognised, Then the text was turned upright and every field is exact
        assertEveryFieldExact(image, side);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("photocopyJpeg")
    void shouldReadWornPhotocopiesSavedAsPoorJpegs(String file, CardSide side, LabelledImage image)
            throws Exception {
        // Given a grey photocopy with toner specks, streaks and a dark band, at JPEG quality 0.35-0.55
        assertEveryFieldExact(image, side);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("perspectiveGlare")
    void shouldReadKeystonedPhotosWithGlareOnTheValues(String file, CardSide side, LabelledImage image)
            throws Exception {
        // Given a photo keystoned by 22-32% with glare fading value lines
        assertEveryFieldExact(image, side);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("threeLineAddress")
    void shouldReadAnAddressWrappedToThreeLines(String file, CardSide side, LabelledImage image) throws Exception {
        // Given an address that wraps to exactly three card lines: rows joined top to bottom
        assertEveryFieldExact(image, side);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("allNations")
    void shouldReadNationsTheRecogniserCannotSpellWhole(String file, CardSide side, LabelledImage image)
            throws Exception {
        // Given 仫佬 (仫 is not in the recogniser's dictionary) and the longest names
        // When recognised, Then the nation is completed from the closed list
        assertEveryFieldExact(image, side);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("checkDigitX")
    void shouldReadIdNumbersEndingInX(String file, CardSide side, LabelledImage image) throws Exception {
        // Given numbers whose check character is X, on upscaled low-resolution renders
        assertEveryFieldExact(image, side);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("appScreenshot")
    void shouldReadTheCardsOfAnAppScreenshotBesideAFormRepeatingTheirLabels(String file, CardSide side,
            LabelledImage image) throws Exception {
        // Given a generator app's window: a form repeating every label and value beside both cards
        // When each side is recognised, Then the form neither bends the card's fit nor lends it values
        assertEveryFieldExact(image, side);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bdciCrop")
    void shouldReadCompetitionCropsOffTheRealLayout(String file, CardSide side, LabelledImage image)
            throws Exception {
        // Given a ~450 px grey crop, layout shifted by millimetres, 仅限BDCI…使用 at the corner, often a stamp
        assertEveryFieldExact(image, side);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lowResRender")
    void shouldReadUpscaledLowResolutionRendersWithDigitHeavyAddresses(String file, CardSide side,
            LabelledImage image) throws Exception {
        // Given a card rendered 300-420 px wide and enlarged 2-3x, its address full of numbers
        assertEveryFieldExact(image, side);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("smallCard")
    void shouldReadSmallCardsInALargePhoto(String file, CardSide side, LabelledImage image) throws Exception {
        // Given a card 320-400 px wide in a 1024 x 768 photo: text under 19 px in the detector's input
        assertEveryFieldExact(image, side);
    }

    static Stream<Arguments> stampRed() {
        return sides("stamp_red");
    }

    static Stream<Arguments> stampGrey() {
        return sides("stamp_grey");
    }

    static Stream<Arguments> watermark() {
        return sides("watermark");
    }

    static Stream<Arguments> a4TwoCards() {
        return sides("a4_two_cards");
    }

    static Stream<Arguments> a4Pages() {
        return fixtures("a4_two_cards").map(image -> Arguments.of(name(image), image));
    }

    static Stream<Arguments> pageRotated() {
        return sides("page_rotated");
    }

    static Stream<Arguments> photocopyJpeg() {
        return sides("photocopy_jpeg");
    }

    static Stream<Arguments> perspectiveGlare() {
        return sides("perspective_glare");
    }

    static Stream<Arguments> threeLineAddress() {
        return sides("three_line_address");
    }

    static Stream<Arguments> allNations() {
        return sides("all_nations");
    }

    static Stream<Arguments> checkDigitX() {
        return sides("check_digit_x");
    }

    static Stream<Arguments> appScreenshot() {
        return sides("app_screenshot");
    }

    static Stream<Arguments> bdciCrop() {
        return sides("bdci_crop");
    }

    static Stream<Arguments> lowResRender() {
        return sides("low_res_render");
    }

    static Stream<Arguments> smallCard() {
        return sides("small_card");
    }

    /** Every fixture of a variant, each side it shows: the class of images of one condition. */
    private static Stream<Arguments> sides(String variant) {
        List<Arguments> sides = fixtures(variant).flatMap(image -> image.expected().keySet().stream().sorted()
                .map(side -> Arguments.of(name(image), side, image))).toList();
        if (sides.size() < 2) {
            throw new IllegalStateException("a class needs at least two images of " + variant + " but has "
                    + sides.size());
        }
        return sides.stream();
    }

    private static Stream<LabelledImage> fixtures(String variant) {
        try {
            return CardLabels.load(Path.of(HardConditionsTest.class
                    .getResource("/io/idcardstream/engine/synthetic-hard/labels.json").toURI())).stream()
                    .filter(image -> image.variant().equals(variant));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(LabelledImage image) {
        return image.file().getFileName().toString();
    }

    /**
     * Issue 10's floor on the whole class set: every fixture, every side it shows, at least 97% of the fields exact,
     * and no Birth or ValidDate outside the API's format.
     */
    @Test
    void shouldReadAtLeast97PercentOfTheFieldsOfTheWholeHardSet() throws Exception {
        int fields = 0, exact = 0, badFormat = 0;
        List<String> misses = new ArrayList<>();
        for (LabelledImage image : CardLabels.load(Path.of(HardConditionsTest.class
                .getResource("/io/idcardstream/engine/synthetic-hard/labels.json").toURI()))) {
            for (CardSide side : image.expected().keySet()) {
                CardFields read;
                try {
                    read = recognize(image.file(), side, OcrOptions.DEFAULTS).fields();
                } catch (OcrException e) {
                    read = CardFields.EMPTY;
                }
                CardFields expected = image.expected().get(side);
                for (FieldName field : image.labelledFields(side)) {
                    fields++;
                    if (expected.get(field).equals(read.get(field))) {
                        exact++;
                    } else {
                        misses.add(name(image) + " " + field.apiName());
                    }
                }
                badFormat += (read.birth().isEmpty() || read.birth().matches("\\d{4}/\\d{1,2}/\\d{1,2}")) ? 0 : 1;
                badFormat += (read.validDate().isEmpty()
                        || read.validDate().matches("\\d{4}\\.\\d{2}\\.\\d{2}-(\\d{4}\\.\\d{2}\\.\\d{2}|长期)")) ? 0 : 1;
            }
        }
        assertThat(exact).as("fields exact of %d; missed: %s", fields, misses).isGreaterThanOrEqualTo(
                (int) Math.ceil(0.97 * fields));
        assertThat(badFormat).isZero();
    }

    /** All fields exact but at most one (the one a stamp covers); the failure names fields, not values. */
    private static void assertAtMostOneFieldWrong(LabelledImage image, CardSide side) throws Exception {
        CardFields read = recognize(image.file(), side, OcrOptions.DEFAULTS).fields();
        CardFields expected = image.expected().get(side);
        List<String> wrong = Arrays.stream(FieldName.values())
                .filter(f -> f.side() == side && !expected.get(f).equals(read.get(f)))
                .map(FieldName::apiName).toList();
        assertThat(wrong).as("fields read wrong").hasSizeLessThanOrEqualTo(1);
    }

    private static void assertEveryFieldExact(LabelledImage image, CardSide side) throws Exception {
        IdCardOcrResult result = recognize(image.file(), side, OcrOptions.DEFAULTS);
        assertThat(FieldsView.of(result.fields())).isEqualTo(FieldsView.of(image.expected().get(side)));
    }

    private static CardFields bothSides(LabelledImage image) {
        CardFields front = image.expected().get(CardSide.FRONT), back = image.expected().get(CardSide.BACK);
        return new CardFields(front.name(), front.sex(), front.nation(), front.birth(), front.address(),
                front.idNum(), back.authority(), back.validDate());
    }

    private static IdCardOcrResult recognize(Path file, CardSide side, OcrOptions options) throws Exception {
        try {
            return engine.recognize(new IdCardOcrRequest(new ImageSource.Inline(Files.readAllBytes(file)), side,
                    options)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof OcrException ocr ? ocr : e;
        }
    }

    private static OcrOptions options(String config) {
        try {
            return OcrOptions.fromConfigJson(config, null, null, null, null);
        } catch (OcrException e) {
            throw new IllegalStateException(e);
        }
    }
}
