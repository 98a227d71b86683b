package io.idcardstream.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.synthetic.WarningSet;
import io.idcardstream.fetch.ImageFetchException;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrOptions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: each warning heuristic on the class of synthetic images its condition names ({@link WarningSet}, one
 * generated front, real models): what it must raise, what it must leave alone, and what it must call not checked.
 * The measured precision and recall over many cards are bench/warnings.sh's (BENCHMARKS.md).
 */
class WarningConditionsTest {
    private static final String IMAGE_SWITCHES = "{\"CopyWarn\":true,\"BorderCheckWarn\":true,\"ReshootWarn\":true,"
            + "\"DetectPsWarn\":true,\"TempIdWarn\":true,\"ReflectWarn\":true}";

    private static LocalIdCardRecognizer engine;
    private static Map<String, AdvancedInfo> answers;

    @BeforeAll
    static void askEveryCondition() throws Exception {
        engine = new LocalIdCardRecognizer(EngineSettings.DEFAULTS.withCallDeadline(Duration.ofSeconds(60)),
                SharedModels.get(), url -> {
                    throw new ImageFetchException(ImageFetchException.Reason.REFUSED, "no URLs in this test");
                });
        OcrOptions options = OcrOptions.fromConfigJson(IMAGE_SWITCHES, null, null, null, "Advanced");
        answers = new java.util.LinkedHashMap<>();
        for (WarningSet.Labelled image : WarningSet.generate(1, 12)) {
            answers.put(image.condition(), engine.recognize(new IdCardOcrRequest(new ImageSource.Inline(image.jpeg()),
                    CardSide.valueOf(image.side().toUpperCase(Locale.ROOT)), options)).get(90, TimeUnit.SECONDS)
                    .advancedInfo());
        }
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void shouldRaiseNothingOnACleanOrMerelyBlurredScan() {
        // Given a clean scan and the same blurred by radius 1 and 2; When every image warning is asked
        // Then none is raised: soft is not fraud
        for (String condition : List.of("clean", "blur1", "blur2")) {
            assertThat(answers.get(condition).warnings()).as(condition).isEmpty();
        }
    }

    @Test
    void shouldTakeAGreyCopierPageForABlackAndWhitePhotocopy() {
        // Given the scan through a copier in black and white (grey, toner speckle); Then -9102 and -9108
        assertThat(answers.get("grey_copy").warnings()).containsExactly(-9102, -9108);
    }

    @Test
    void shouldSeeTheScreenBezelOfAReshoot() {
        // Given the scan shown on a screen with a dark bezel and photographed (pixel grid, moiré); Then -9103
        assertThat(answers.get("reshoot").warnings()).contains(-9103);
    }

    @Test
    void shouldFlagACardWhoseBottomEdgeABlackBarCuts() {
        // Given a black bar over the bottom fifth of the card; Then -9101 with its score and the region of the cut
        AdvancedInfo cut = answers.get("border_cut");
        assertThat(cut.warnings()).containsExactly(-9101);
        assertThat(cut.detail(-9101)).hasValueSatisfying(d -> {
            assertThat(d.score()).isGreaterThan(0.5f);
            assertThat(d.region()).hasSize(4);
        });
    }

    @Test
    void shouldFlagAFingerOverTheCardsTopEdgeWhereItIs() {
        // Given a skin-coloured finger over the card's top edge; Then -9105, its region at the top of the card
        AdvancedInfo finger = answers.get("finger");
        assertThat(finger.warnings()).containsExactly(-9105);
        assertThat(finger.detail(-9105)).hasValueSatisfying(d -> assertThat(d.region()).hasSize(4)
                .allSatisfy(p -> assertThat(p.y()).isLessThan(120)));
    }

    @Test
    void shouldFindTheGlareSpotAndCallTemporaryIdsAndEditsOfAOnceCompressedJpegNotChecked() {
        // Given a glare spot on a front
        AdvancedInfo glare = answers.get("glare");
        // Then -9107 is raised with where the spot is
        assertThat(glare.warnings()).contains(-9107);
        assertThat(glare.detail(-9107).orElseThrow().region()).isNotEmpty();
        // And -9104 (only a back shows it) and -9106 (a JPEG compressed once keeps no trace of a paste) are named
        // not checked, so they never read as clean
        assertThat(glare.warningsNotChecked()).contains(-9104, -9106).doesNotContain(-9107);
    }

    @Test
    void shouldTellAColourCopyFromABlackAndWhiteOneAndFromTheGenuineCard() {
        // Given a colour copy of the card and the card itself
        // Then the copy is a photocopy but not a black-and-white one, and the card is neither
        assertThat(answers.get("colour_copy").warnings()).contains(-9102).doesNotContain(-9108);
        assertThat(answers.get("clean").warnings()).doesNotContain(-9102, -9108);
        assertThat(answers.get("clean").warningsNotChecked()).doesNotContain(-9102);
    }

    @Test
    void shouldFlagAFieldPastedIntoTheJpegAndSavedAgainWhereItIs() {
        // Given the scan's JPEG opened, its ID number pasted in over a patch in another size, and saved again finer
        AdvancedInfo edited = answers.get("edited");
        // Then -9106 is raised, its region on the lower half of the front, where the ID number is
        assertThat(edited.warnings()).contains(-9106);
        assertThat(edited.detail(-9106)).hasValueSatisfying(d -> {
            assertThat(d.score()).isGreaterThanOrEqualTo(0.5f);
            assertThat(d.region()).hasSize(4).allSatisfy(p -> assertThat(p.y()).isGreaterThan(250));
        });
    }

    @Test
    void shouldTakeAnAppScreenNamingTheCardForAnElectronicIdAndNotVouchForAPlainScan() {
        // Given the card as a phone app shows it, screenshotted, and the plain scan; Advanced warnings asked
        AdvancedInfo screen = answers.get("electronic_id");
        // Then the screen raises -9110 with the region of the title that names the card
        assertThat(screen.warnings()).contains(-9110);
        assertThat(screen.detail(-9110).orElseThrow().region()).hasSize(4);
        // And the scan raises no -9110 but names it not checked: a screenshot cropped to the card looks like it
        assertThat(answers.get("clean").warnings()).doesNotContain(-9110);
        assertThat(answers.get("clean").warningsNotChecked()).contains(-9110);
    }

    @Test
    void shouldRaiseNothingOnAScanMerelySavedTwice() {
        // Given the same JPEG opened and saved again with nothing changed; Then no warning, -9106 included
        assertThat(answers.get("resaved").warnings()).isEmpty();
        // And -9106 was checked: the first compression shows, so a paste would have stood out
        assertThat(answers.get("resaved").warningsNotChecked()).doesNotContain(-9106);
    }
}
