package io.idcardstream.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.image.RgbImage;
import io.idcardstream.ocr.CardSide;
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
    void shouldScoreQualityBySharpnessAndConfidence() {
        assertThat(QualityScore.of(0.4, 0.99)).isEqualTo(99);
        assertThat(QualityScore.of(0.125, 0.9)).isEqualTo(45);
        assertThat(QualityScore.of(0.0, 1.0)).isZero();
    }

    private static CardFrame frame(Homography cardToImage) {
        return new CardFrame(CardSide.FRONT, cardToImage.inverse(), cardToImage, CardFrame.Fit.AFFINE, 20, 1.0,
                Map.of());
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

    private static RgbImage cover(RgbImage image, int fromY) {
        int[] p = image.pixels().clone();
        for (int i = fromY * image.width(); i < p.length; i++) {
            p[i] = 0;
        }
        return new RgbImage(image.width(), image.height(), p);
    }
}
