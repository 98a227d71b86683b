package io.idcardstream.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import org.junit.jupiter.api.Test;

class ImageOpsTest {
    /** 3 wide, 2 high: 1 2 3 / 4 5 6. */
    private static final RgbImage SMALL = new RgbImage(3, 2, new int[] {1, 2, 3, 4, 5, 6});

    @Test
    void shouldTurnAQuarterClockwise() {
        // When the image is turned 90° clockwise
        RgbImage turned = ImageOps.rotate(SMALL, QuarterTurn.CLOCKWISE_90);
        // Then the left column becomes the top row, read from the bottom up
        assertThat(turned.width()).isEqualTo(2);
        assertThat(turned.height()).isEqualTo(3);
        assertThat(turned.pixels()).containsExactly(4, 1, 5, 2, 6, 3);
    }

    @Test
    void shouldTurnHalfAndThreeQuarters() {
        // When the image is turned 180° and 270°
        RgbImage half = ImageOps.rotate(SMALL, QuarterTurn.HALF);
        RgbImage threeQuarters = ImageOps.rotate(SMALL, QuarterTurn.CLOCKWISE_270);
        // Then the pixels are reversed, and the right column becomes the top row
        assertThat(half.pixels()).containsExactly(6, 5, 4, 3, 2, 1);
        assertThat(threeQuarters.pixels()).containsExactly(3, 6, 2, 5, 1, 4);
    }

    @Test
    void shouldMirrorLeftToRight() {
        assertThat(ImageOps.flipHorizontal(SMALL).pixels()).containsExactly(3, 2, 1, 6, 5, 4);
    }

    @Test
    void shouldAverageBlocksWhenShrinkingByTwoOrMore() {
        // Given a 4 × 4 checkerboard of black and white single pixels
        int[] p = new int[16];
        for (int i = 0; i < 16; i++) {
            p[i] = ((i % 4) + (i / 4)) % 2 == 0 ? 0xFFFFFF : 0x000000;
        }
        // When it is shrunk to 2 × 2
        RgbImage small = ImageOps.resize(new RgbImage(4, 4, p), 2, 2);
        // Then every pixel is the grey average, not an aliased black or white
        assertThat(small.pixels()).containsOnly(0x7F7F7F);
    }

    @Test
    void shouldInterpolateBilinearlyWhenEnlarging() {
        // Given black and white pixels side by side
        RgbImage pair = new RgbImage(2, 1, new int[] {0x000000, 0xC8C8C8});
        // When the image is enlarged four times
        RgbImage wide = ImageOps.resize(pair, 8, 1);
        // Then the values ramp between the two pixel centres and hold beyond them
        assertThat(wide.pixels()).containsExactly(0x000000, 0x000000, 0x191919, 0x4B4B4B, 0x7D7D7D, 0xAFAFAF,
                0xC8C8C8, 0xC8C8C8);
    }

    @Test
    void shouldBlendTheFourNeighboursWhenEnlargingInBothDirections() {
        // Given a 2 × 2 grey image: 0 200 / 100 40
        RgbImage square = new RgbImage(2, 2, new int[] {grey(0), grey(200), grey(100), grey(40)});
        // When it is enlarged to 4 × 4 (samples at 0, 1/4, 3/4 and 1 of the way across and down)
        RgbImage large = ImageOps.resize(square, 4, 4);
        // Then each value blends the rows' horizontal blends, rounded half up
        assertThat(large.pixels()).containsExactly(
                grey(0), grey(50), grey(150), grey(200),
                grey(25), grey(59), grey(126), grey(160),
                grey(75), grey(76), grey(79), grey(80),
                grey(100), grey(85), grey(55), grey(40));
    }

    private static int grey(int v) {
        return (v << 16) | (v << 8) | v;
    }

    @Test
    void shouldStraightenAQuadIntoAnUprightCrop() {
        // Given an image whose pixel values encode their position
        int[] p = new int[20 * 10];
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 20; x++) {
                p[y * 20 + x] = (x << 8) | y;
            }
        }
        RgbImage image = new RgbImage(20, 10, p);
        // When the axis-aligned quad around pixels x 4..11, y 2..5 is cropped at its own height
        Quad quad = new Quad(new Point(3.5, 1.5), new Point(11.5, 1.5), new Point(11.5, 5.5), new Point(3.5, 5.5));
        RgbImage crop = ImageOps.cropQuad(image, quad, 4, 100);
        // Then the crop is exactly those pixels
        assertThat(crop.width()).isEqualTo(8);
        assertThat(crop.height()).isEqualTo(4);
        assertThat(crop.rgb(0, 0)).isEqualTo((4 << 8) | 2);
        assertThat(crop.rgb(7, 3)).isEqualTo((11 << 8) | 5);
    }

    @Test
    void shouldReadAnUpsideDownQuadUpright() {
        // Given a dark pixel at the top-left and a quad whose reading direction is upside down
        int[] p = new int[4 * 2];
        java.util.Arrays.fill(p, 0xFFFFFF);
        p[0] = 0x000000;
        RgbImage image = new RgbImage(4, 2, p);
        Quad upsideDown = new Quad(new Point(3.5, 1.5), new Point(-0.5, 1.5), new Point(-0.5, -0.5),
                new Point(3.5, -0.5));
        // When it is cropped
        RgbImage crop = ImageOps.cropQuad(image, upsideDown, 2, 100);
        // Then the dark pixel is at the crop's bottom-right
        assertThat(crop.rgb(3, 1)).isEqualTo(0x000000);
        assertThat(crop.rgb(0, 0)).isEqualTo(0xFFFFFF);
    }
}
