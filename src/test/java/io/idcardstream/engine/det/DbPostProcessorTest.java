package io.idcardstream.engine.det;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.idcardstream.engine.geom.RotatedRect;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbPostProcessorTest {
    private static final int W = 64, H = 32;
    private static final DbParams NO_DILATION = new DbParams(960, 0.3f, 0.5f, 1.5, 3, false);

    @Test
    void shouldTurnATextKernelIntoAnUnclippedBox() {
        // Given a map with one 20 × 4 block of probability 0.9 (pixels x 10..29, y 8..11)
        float[] map = new float[W * H];
        fill(map, 10, 8, 20, 4, 0.9f);
        // When boxes are extracted
        List<DetectedBox> boxes = DbPostProcessor.boxes(map, W, H, NO_DILATION);
        // Then one box is found around it, each side pushed out by area × 1.5 / perimeter
        assertThat(boxes).hasSize(1);
        RotatedRect box = boxes.get(0).rect();
        double kernelLength = 19, kernelThickness = 3; // pixel centres 10..29 and 8..11
        double d = kernelLength * kernelThickness * 1.5 / (2 * (kernelLength + kernelThickness));
        assertThat(box.length()).isCloseTo(kernelLength + 2 * d, within(1e-9));
        assertThat(box.thickness()).isCloseTo(kernelThickness + 2 * d, within(1e-9));
        assertThat(box.center().x()).isCloseTo(19.5, within(1e-9));
        assertThat(box.center().y()).isCloseTo(9.5, within(1e-9));
        assertThat(boxes.get(0).score()).isCloseTo(0.9f, within(1e-6f));
    }

    @Test
    void shouldTakeOnlyProbabilitiesAboveTheThresholdAsText() {
        // Given a block exactly at the threshold, and one just above it but below the box threshold
        float[] map = new float[W * H];
        fill(map, 2, 2, 20, 5, 0.3f);
        fill(map, 30, 20, 20, 5, 0.45f);
        // When boxes are extracted
        List<DetectedBox> boxes = DbPostProcessor.boxes(map, W, H, NO_DILATION);
        // Then neither is text: the first is not above 0.3, the second's mean is under 0.5
        assertThat(boxes).isEmpty();
    }

    @Test
    void shouldDropComponentsThinnerThanTheMinimumSize() {
        // Given a one-pixel-high streak of high probability
        float[] map = new float[W * H];
        fill(map, 5, 5, 40, 1, 0.95f);
        // Then it is noise, not a line of text
        assertThat(DbPostProcessor.boxes(map, W, H, NO_DILATION)).isEmpty();
    }

    @Test
    void shouldKeepSeparateLinesSeparate() {
        // Given two blocks with a gap of three pixels between them
        float[] map = new float[W * H];
        fill(map, 4, 4, 20, 5, 0.9f);
        fill(map, 4, 12, 20, 5, 0.8f);
        // When boxes are extracted
        List<DetectedBox> boxes = DbPostProcessor.boxes(map, W, H, NO_DILATION);
        // Then there are two, in scan order
        assertThat(boxes).extracting(b -> b.rect().center().y()).containsExactly(6.0, 14.0);
    }

    @Test
    void shouldJoinCharactersOneGapApartWhenDilating() {
        // Given two character kernels one pixel apart on a line
        float[] map = new float[W * H];
        fill(map, 4, 4, 10, 6, 0.9f);
        fill(map, 15, 4, 10, 6, 0.9f);
        DbParams dilating = new DbParams(960, 0.3f, 0.5f, 1.5, 3, true);
        // When boxes are extracted with and without dilation
        // Then dilation makes them one line, without it they stay two
        assertThat(DbPostProcessor.boxes(map, W, H, dilating)).hasSize(1);
        assertThat(DbPostProcessor.boxes(map, W, H, NO_DILATION)).hasSize(2);
    }

    @Test
    void shouldUnclipByAreaTimesRatioOverPerimeter() {
        // Given a 100 × 10 kernel and PaddleOCR's ratio 1.5
        RotatedRect kernel = new RotatedRect(new io.idcardstream.engine.geom.Point(0, 0), 100, 10, 0);
        // Then it grows by 1000 × 1.5 / 220 on each side
        assertThat(DbPostProcessor.unclipDistance(kernel, 1.5)).isCloseTo(1500.0 / 220, within(1e-12));
    }

    private static void fill(float[] map, int x0, int y0, int w, int h, float p) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                map[y * W + x] = p;
            }
        }
    }
}
