package io.idcardstream.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.image.RgbImage;
import io.idcardstream.ocr.CardSide;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeuristicsTest {

    @Test
    void shouldTakeAColourlessCardForABlackAndWhiteCopy() {
        // Given a grey card and a pale blue one
        RgbImage grey = RgbImage.filled(100, 60, 0x9A9A9A);
        RgbImage blue = RgbImage.filled(100, 60, 0xB4C8E6);
        // Then only the grey one looks copied
        assertThat(CopyHeuristic.looksBlackAndWhite(grey)).isTrue();
        assertThat(CopyHeuristic.looksBlackAndWhite(blue)).isFalse();
        assertThat(CopyHeuristic.meanChroma(blue)).isEqualTo(0xE6 - 0xB4);
    }

    @Test
    void shouldTakeACardWhosePrintedBackgroundCameOutPaperWhiteForAColourCopy() {
        // Given a card with its pale tinted background, and its copy: the background paper white, the print kept
        RgbImage card = RgbImage.filled(200, 120, 0xDCE6F0);
        RgbImage copy = paint(RgbImage.filled(200, 120, 0xFCFDFF), 20, 20, 60, 40, 0x5078B4);
        // Then only the copy is mostly paper white, and it still has colour (not a black-and-white copy)
        assertThat(CopyHeuristic.paperWhiteShare(card)).isZero();
        assertThat(CopyHeuristic.paperWhiteShare(copy)).isGreaterThanOrEqualTo(CopyHeuristic.COLOUR_COPY_WHITE);
        assertThat(CopyHeuristic.looksBlackAndWhite(copy)).isFalse();
    }

    @Test
    void shouldFindAGlareSpotBurntIntoThePrintButNotWhiteOutsideTheCard() {
        // Given a tinted card 856 x 540 with a burnt-white spot inside it, and one with white along its left edge
        RgbImage card = RgbImage.filled(856, 540, 0xD2DCE6);
        RgbImage glare = paint(card, 400, 200, 60, 60, 0xFFFFFF);
        RgbImage wide = paint(card, 0, 0, 120, 540, 0xFFFFFF);
        // When spots are looked for
        List<GlareSpots.Spot> spots = GlareSpots.find(glare);
        // Then the spot inside the print is found where it is, in template units
        assertThat(spots).hasSize(1);
        assertThat(spots.get(0).share()).isCloseTo(3600.0 / (856 * 540), org.assertj.core.data.Offset.offset(0.001));
        assertThat(spots.get(0).inCard().topLeft().x()).isCloseTo(400, org.assertj.core.data.Offset.offset(4.0));
        // And neither the clean card nor white reaching the edge (an outline placed too wide) is glare
        assertThat(GlareSpots.find(card)).isEmpty();
        assertThat(GlareSpots.find(wide)).isEmpty();
        // And a speck below the spot size is not
        assertThat(GlareSpots.find(paint(card, 400, 200, 20, 20, 0xFFFFFF))).isEmpty();
    }

    @Test
    void shouldNameWhereOnTheCardTheGlareLies() {
        // Given spots on the back's emblem, on the front's portrait, on a field read, and on the bare card
        Quad field = Quad.rectangle(145, 90, 300, 130);
        // Then each is named in the API's words
        assertThat(ReflectPositions.of(Quad.rectangle(100, 100, 140, 140), CardSide.BACK, List.of()))
                .containsExactly(ReflectPositions.EMBLEM);
        assertThat(ReflectPositions.of(Quad.rectangle(600, 100, 640, 140), CardSide.FRONT, List.of(field)))
                .containsExactly(ReflectPositions.PORTRAIT);
        assertThat(ReflectPositions.of(Quad.rectangle(200, 100, 240, 140), CardSide.FRONT, List.of(field)))
                .containsExactly(ReflectPositions.FIELD);
        assertThat(ReflectPositions.of(Quad.rectangle(300, 400, 340, 440), CardSide.FRONT, List.of(field)))
                .containsExactly(ReflectPositions.OTHERS);
        // And the front has no emblem: a spot there is elsewhere
        assertThat(ReflectPositions.of(Quad.rectangle(100, 100, 140, 140), CardSide.FRONT, List.of()))
                .containsExactly(ReflectPositions.OTHERS);
    }

    @Test
    void shouldSeeAScreenBezelFramingTheCard() {
        // Given a light screen with a dark bezel all round, the card in the middle; and the same without bezel
        RgbImage screen = RgbImage.filled(1000, 800, 0xDDDDDD);
        RgbImage bezel = withDarkFrame(screen, 100);
        Quad card = Quad.rectangle(300, 250, 700, 500);
        // Then only the bezel makes it a re-shoot
        assertThat(ReshootHeuristic.looksReshot(bezel, card)).isTrue();
        assertThat(ReshootHeuristic.looksReshot(screen, card)).isFalse();
        // And a card running into the dark edge is not framed by it
        assertThat(ReshootHeuristic.looksReshot(bezel, Quad.rectangle(10, 250, 700, 500))).isFalse();
    }

    @Test
    void shouldNotTakeACardOnABlackSurfaceForAReshoot() {
        // Given a light card lying on black, a dark band all round the image as a bezel would be
        RgbImage black = RgbImage.filled(1000, 800, 0x080808);
        Quad card = Quad.rectangle(300, 250, 700, 500);
        RgbImage onBlack = paint(black, 300, 250, 400, 250, 0xDDDDDD);
        // Then no bezel is seen: the dark touches the card, where a screen would show a lit picture
        assertThat(ReshootHeuristic.darkSides(onBlack, card)).isZero();
        // While the same card inside a lit picture with a margin, inside the same dark frame, is a re-shoot
        RgbImage screen = paint(black, 150, 120, 700, 560, 0x9A9A9A);
        assertThat(ReshootHeuristic.looksReshot(paint(screen, 300, 250, 400, 250, 0xDDDDDD), card)).isTrue();
    }

    @Test
    void shouldMeasureHowMuchOfTheCardEdgeIsMissing() {
        // Given a light card filling an image of the template's size exactly (one pixel per template unit)
        RgbImage image = RgbImage.filled(856, 540, 0xE0E0E0);
        CardFrame whole = frame(Homography.identity());
        // When the bottom 20 pixels are covered by a black bar
        RgbImage barred = cover(image, 520);
        // Then the complete card scores 0 and the barred one 100 (a whole edge is about a third of the band)
        assertThat(BorderCheck.codeValue(image, whole)).isZero();
        assertThat(BorderCheck.codeValue(barred, whole)).isEqualTo(100);
        // And a card whose left quarter lies outside the image is incomplete too
        CardFrame shifted = frame(Homography.scaleThenTranslate(1, 1, -214, 0));
        assertThat(BorderCheck.codeValue(image, shifted)).isGreaterThan(BorderCheck.WARN_ABOVE);
    }

    @Test
    void shouldTellRedStampCharactersFromBlackAndBlueText() {
        // Given a light card with a red stroke, a black stroke, a blue stroke, and a black stroke crossed by a red one
        RgbImage card = RgbImage.filled(400, 100, 0xF0F0F0);
        stroke(card, 40, 0xD02020);
        stroke(card, 140, 0x202020);
        stroke(card, 240, 0x3070C0);
        stroke(card, 340, 0x202020);
        for (int y = 47; y < 53; y++) {
            for (int x = 330; x < 350; x++) {
                card.pixels()[y * 400 + x] = 0xD02020;
            }
        }
        // Then only the red stroke is red ink
        assertThat(RedInk.isRed(card, new io.idcardstream.engine.geom.Point(40, 50), 40)).isTrue();
        assertThat(RedInk.isRed(card, new io.idcardstream.engine.geom.Point(140, 50), 40)).isFalse();
        assertThat(RedInk.isRed(card, new io.idcardstream.engine.geom.Point(240, 50), 40)).isFalse();
        assertThat(RedInk.isRed(card, new io.idcardstream.engine.geom.Point(340, 50), 40)).isFalse();
    }

    /** A 6-pixel-wide vertical stroke of one colour, 40 pixels high, centred at x. */
    private static void stroke(RgbImage image, int x, int rgb) {
        for (int y = 30; y < 70; y++) {
            for (int dx = -3; dx < 3; dx++) {
                image.pixels()[y * image.width() + x + dx] = rgb;
            }
        }
    }

    @Test
    void shouldPlaceTheIncompleteBorderWarningWhereTheEdgeIsMissing() {
        // Given a light card of the template's size whose bottom 20 pixels a black bar covers
        RgbImage barred = cover(RgbImage.filled(856, 540, 0xE0E0E0), 520);
        // When the border is measured
        BorderCheck.Measure measure = BorderCheck.measure(barred, frame(Homography.identity()));
        // Then the region of the warning is the bottom band of the card, not the whole card
        assertThat(measure.value()).isEqualTo(100);
        assertThat(measure.missing().topLeft().y()).isGreaterThan(500);
        assertThat(measure.missing().width()).isGreaterThan(700);
        // And a complete card has no region
        assertThat(BorderCheck.measure(RgbImage.filled(856, 540, 0xE0E0E0), frame(Homography.identity())).missing())
                .isNull();
    }

    @Test
    void shouldSeeAFingerOverTheCardsEdgeButNotSpecksOrRedInk() {
        // Given a pale card of the template's size; the same with a skin-coloured finger 80 pixels wide over its top
        // edge; one with skin-coloured specks every 16 pixels along that edge; one with a red seal over the edge
        RgbImage card = RgbImage.filled(856, 540, 0xE4ECF4);
        RgbImage finger = paint(card, 300, 0, 80, 90, 0xDCA884);
        RgbImage specks = card;
        for (int x = 60; x < 800; x += 16) {
            specks = paint(specks, x, 12, 2, 2, 0xDCA884);
        }
        RgbImage seal = paint(card, 300, 0, 120, 60, 0xD02828);
        CardFrame whole = frame(Homography.identity());
        // Then only the finger is an occlusion, placed over the top edge
        Occlusion.Measure measure = Occlusion.measure(finger, whole);
        assertThat(measure.occluded()).isTrue();
        assertThat(measure.region().topLeft().x()).isBetween(300.0, 380.0);
        assertThat(measure.region().bottomRight().y()).isLessThan(40);
        assertThat(Occlusion.measure(card, whole).occluded()).isFalse();
        assertThat(Occlusion.measure(specks, whole).occluded()).isFalse();
        assertThat(Occlusion.measure(seal, whole).occluded()).isFalse();
    }

    @Test
    void shouldTakeOnlyAWholeButImpossibleValidityForAnEdit() {
        // Given validity periods the engine withheld: one in the card's exact shape but no real day (an edit), one
        // cut short by a stamp or a misreading, and a birth date
        var edited = new io.idcardstream.ocr.FieldCorrection(io.idcardstream.ocr.FieldName.VALID_DATE,
                "2016.02.30-2026.02.30", "", "MALFORMED_DATE_WITHHELD");
        var cutShort = new io.idcardstream.ocr.FieldCorrection(io.idcardstream.ocr.FieldName.VALID_DATE,
                "2016.02.1-2026.0", "", "MALFORMED_DATE_WITHHELD");
        var birth = new io.idcardstream.ocr.FieldCorrection(io.idcardstream.ocr.FieldName.BIRTH, "1987/2/30", "",
                "MALFORMED_DATE_WITHHELD");
        // Then only the whole, impossible validity is a sign of an edit
        assertThat(EditedDates.impossibleDateWithheld(java.util.List.of(edited))).isTrue();
        assertThat(EditedDates.impossibleDateWithheld(java.util.List.of(cutShort, birth))).isFalse();
    }

    @Test
    void shouldScoreQualityBySharpnessAndConfidence() {
        assertThat(QualityScore.of(0.4, 0.99)).isEqualTo(99);
        assertThat(QualityScore.of(0.125, 0.9)).isEqualTo(45);
        assertThat(QualityScore.of(0.0, 1.0)).isZero();
    }

    private static CardFrame frame(Homography cardToImage) {
        return new CardFrame(CardSide.FRONT, cardToImage.inverse(), cardToImage, CardFrame.Fit.AFFINE, 20, 1.0,
                Map.of(), Map.of(), io.idcardstream.engine.geom.Quad.rectangle(0, 0, 856, 540));
    }

    private static RgbImage withDarkFrame(RgbImage image, int width) {
        int[] p = image.pixels().clone();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (x < width || y < width || x >= image.width() - width || y >= image.height() - width) {
                    p[y * image.width() + x] = 0x101010;
                }
            }
        }
        return new RgbImage(image.width(), image.height(), p);
    }

    private static RgbImage paint(RgbImage image, int x0, int y0, int w, int h, int rgb) {
        int[] p = image.pixels().clone();
        for (int y = y0; y < Math.min(image.height(), y0 + h); y++) {
            for (int x = x0; x < Math.min(image.width(), x0 + w); x++) {
                p[y * image.width() + x] = rgb;
            }
        }
        return new RgbImage(image.width(), image.height(), p);
    }

    private static RgbImage cover(RgbImage image, int fromY) {
        int[] p = image.pixels().clone();
        for (int i = fromY * image.width(); i < p.length; i++) {
            p[i] = 0;
        }
        return new RgbImage(image.width(), image.height(), p);
    }
}
