package io.idcardstream.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.image.RgbImage;
import io.idcardstream.engine.rec.DecodedText;
import io.idcardstream.engine.text.RecognizedLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When no card was found, the text read so far is turned upright by its lines' reading direction and brought to
 * about 34 pixels a line, and the lines read in that view are placed back in the image.
 */
class TurnedPageTest {
    private static final int WHITE = 0xFFFFFF, RED = 0xFF0000;

    @Test
    void shouldTurnTheViewByTheLinesReadingDirectionAndScaleLinesToAbout34Pixels() {
        // Given a page whose text runs down the image (turned 90° clockwise), lines 17 px high, and a red mark
        RgbImage image = image(600, 600, 200, 200);
        List<RecognizedLine> lines = List.of(down(300, 100, 200, 17, 0.95f), down(260, 100, 160, 17, 0.92f));
        // When the view is made
        TurnedPage page = TurnedPage.of(image, lines).orElseThrow();
        // Then in the view the first line runs left to right, 400 px long and 34 px high (twice the image's)
        Quad inView = lines.get(0).box().map(page.toImage().inverse());
        assertThat(inView.topRight().y()).isCloseTo(inView.topLeft().y(), within(1e-6));
        assertThat(inView.topRight().x() - inView.topLeft().x()).isCloseTo(400, within(1e-6));
        assertThat(inView.bottomLeft().y() - inView.topLeft().y()).isCloseTo(34, within(1e-6));
        // And the view shows the image's pixels where it says they are
        Point mark = page.toImage().inverse().apply(new Point(204.5, 204.5));
        assertThat(page.image().rgb((int) Math.round(mark.x()), (int) Math.round(mark.y()))).isEqualTo(RED);
        Point blank = page.toImage().inverse().apply(new Point(180, 120));
        assertThat(page.image().rgb((int) Math.round(blank.x()), (int) Math.round(blank.y()))).isEqualTo(WHITE);
    }

    @Test
    void shouldPlaceLinesReadInTheViewBackInTheImage() {
        // Given the view of a page whose text runs down the image
        List<RecognizedLine> lines = List.of(down(300, 100, 200, 17, 0.95f));
        TurnedPage page = TurnedPage.of(image(600, 600, 200, 200), lines).orElseThrow();
        // When a line read in the view is placed back
        DecodedText text = lines.get(0).decoded();
        Quad inView = lines.get(0).box().map(page.toImage().inverse());
        RecognizedLine placed = page.inImage(List.of(new RecognizedLine(inView, text))).get(0);
        // Then it is where it was read in the image, corners in the same reading order, with its text
        assertThat(placed.decoded()).isSameAs(text);
        List<Point> expected = lines.get(0).box().corners();
        for (int i = 0; i < 4; i++) {
            assertThat(placed.box().corners().get(i).x()).isCloseTo(expected.get(i).x(), within(1e-6));
            assertThat(placed.box().corners().get(i).y()).isCloseTo(expected.get(i).y(), within(1e-6));
        }
    }

    @Test
    void shouldScaleAtMostThreeTimesAndNeverShrinkText() {
        // Given lines 5 px high (small text) and lines 60 px high (large text), running left to right
        TurnedPage small = TurnedPage.of(image(600, 600, 0, 0), List.of(across(100, 300, 100, 5))).orElseThrow();
        TurnedPage large = TurnedPage.of(image(900, 900, 0, 0), List.of(across(100, 300, 300, 60))).orElseThrow();
        // Then the small text is enlarged three times, the large kept at its size: margins of five line heights
        assertThat(List.of(small.image().width(), small.image().height())).containsExactly(3 * (100 + 50),
                3 * (5 + 50));
        assertThat(List.of(large.image().width(), large.image().height())).containsExactly(300 + 600, 60 + 600);
    }

    @Test
    void shouldKeepTheViewWithinItsLargestSide() {
        // Given text 12 px high spread over 1100 px (enlarged 2.8 times it would be over 3,000 px wide)
        TurnedPage page = TurnedPage.of(image(1400, 600, 0, 0), List.of(across(100, 300, 1100, 12))).orElseThrow();
        // Then the view's longer side is at most MAX_SIDE
        assertThat(Math.max(page.image().width(), page.image().height())).isLessThanOrEqualTo(TurnedPage.MAX_SIDE);
    }

    @Test
    void shouldMakeNoViewWithoutALineReadSurely() {
        // Given lines read unsurely, and a lone character read surely: neither says which way text runs
        List<RecognizedLine> unsure = List.of(down(300, 100, 200, 17, 0.7f));
        List<RecognizedLine> lone = List.of(line(Quad.rectangle(100, 100, 120, 120), "字", 0.99f));
        assertThat(List.of(TurnedPage.of(image(600, 600, 0, 0), unsure), TurnedPage.of(image(600, 600, 0, 0), lone)))
                .containsExactly(Optional.empty(), Optional.empty());
    }

    @Test
    void shouldTakeTheLengthWeightedMeanReadingDirection() {
        // Given a 100 px line running right and a 100 px line running down, and the first twice as long
        List<RecognizedLine> even = List.of(across(0, 0, 100, 10), down(300, 0, 100, 10, 0.9f));
        List<RecognizedLine> weighted = List.of(across(0, 0, 200, 10), down(300, 0, 100, 10, 0.9f));
        // Then they read at 45° and atan(1/2)
        assertThat(Math.toDegrees(TurnedPage.readingDirection(even))).isCloseTo(45, within(1e-9));
        assertThat(TurnedPage.readingDirection(weighted)).isCloseTo(Math.atan2(100, 200), within(1e-9));
    }

    /** A white image with a 10 × 10 red mark at ({@code x}, {@code y}). */
    private static RgbImage image(int width, int height, int x, int y) {
        int[] pixels = new int[width * height];
        java.util.Arrays.fill(pixels, WHITE);
        for (int row = y; row < y + 10; row++) {
            for (int col = x; col < x + 10; col++) {
                pixels[row * width + col] = RED;
            }
        }
        return new RgbImage(width, height, pixels);
    }

    /** A line reading downwards from ({@code x}, {@code y}), its top towards +x (text turned 90° clockwise). */
    private static RecognizedLine down(double x, double y, double length, double height, float confidence) {
        Quad box = new Quad(new Point(x, y), new Point(x, y + length), new Point(x - height, y + length),
                new Point(x - height, y));
        return line(box, "姓名李明", confidence);
    }

    /** A line reading left to right from ({@code x}, {@code y}). */
    private static RecognizedLine across(double x, double y, double length, double height) {
        return line(Quad.rectangle(x, y, x + length, y + height), "姓名李明", 0.95f);
    }

    private static RecognizedLine line(Quad box, String text, float confidence) {
        int n = text.codePointCount(0, text.length());
        double[] centers = new double[n];
        float[] confidences = new float[n];
        for (int i = 0; i < n; i++) {
            centers[i] = (i + 0.5) / n;
            confidences[i] = confidence;
        }
        return new RecognizedLine(box, new DecodedText(text, confidence, centers, confidences));
    }
}
