package io.idcardstream.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.labels.CardLabels;
import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.fetch.ImageFetchException;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
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
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
     * KNOWN FAILURES at 6f4e6e9 (not weakened; see the engine test report): 001_stamp_red_front.jpg FRONT, Address
     * (under the 复印无效 stamp a city character is misread and two district characters lost, more than the
     * place-name repair's two edits, and 门 is read as 1); 002_stamp_red_back.jpg BACK, ValidDate (only the start is
     * read, its last digit wrong, 长期 lost under the stamp: withheld as malformed, so answered empty).
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stampRed")
    void shouldReadCardsUnderARedCopyStampOrSeal(String file, CardSide side, LabelledImage image) throws Exception {
        // Given a card whose value line lies under a red 复印无效 stamp or 禁止复印 seal (the ink multiplies)
        // When the side is recognised, Then every field is exact: the red ink and its frame are not text
        assertEveryFieldExact(image, side);
    }

    /**
     * KNOWN FAILURE at 6f4e6e9 (not weakened; see the engine test report): 003_stamp_grey_front.jpg FRONT, Nation (the
     * dark 禁止复印 seal's 禁 is read glued to the one-character nation; StampText.gluedAt cuts only runs of three or
     * more, and no nation explains the two characters).
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stampGrey")
    void shouldReadGreyCopiesUnderANearBlackStamp(String file, CardSide side, LabelledImage image)
            throws Exception {
        // Given a tightly cropped grey card with a near-black stamp over a value: colour cannot tell it from text
        // When the side is recognised, Then the stamp's phrase and frame are left out of the value
        assertEveryFieldExact(image, side);
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

    /**
     * KNOWN FAILURE at 6f4e6e9 (not weakened; see the engine test report): 013_small_card_back.jpg BACK, Authority
     * (the closer look reads the district's 淀 as 定 at 0.81 with 淀 its first alternative at 0.13; an unsure character
     * may be any, so every two-character district starting with 海 fits as well and PlaceNameRepair leaves the tie:
     * it does not weigh the alternatives as NationCompletion does).
     */
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
