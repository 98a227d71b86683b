package io.idcardstream.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.idcardstream.engine.image.RgbImage;
import org.junit.jupiter.api.Test;

class SharpnessTest {

    @Test
    void shouldScoreHardEdgesHigherThanSoftOnesAtTheSameContrast() {
        // Given vertical stripes 8 pixels wide: once with hard edges, once with 8-pixel ramps
        RgbImage hard = stripes(false);
        RgbImage soft = stripes(true);
        // When measured
        Sharpness crisp = Sharpness.of(hard);
        Sharpness blurred = Sharpness.of(soft);
        // Then both span black to white; the hard edges climb half the range per pixel (central difference), the
        // ramps an eighth
        assertThat(crisp.contrast()).isEqualTo(blurred.contrast()).isEqualTo(255);
        assertThat(crisp.sharpness()).isCloseTo(0.5, within(0.01));
        assertThat(blurred.sharpness()).isCloseTo(0.125, within(0.01));
    }

    @Test
    void shouldFindNothingInAFlatImage() {
        assertThat(Sharpness.of(RgbImage.filled(100, 60, 0x336699))).isEqualTo(new Sharpness(0, 0));
    }

    private static RgbImage stripes(boolean ramped) {
        int w = 200, h = 50;
        int[] p = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int phase = x % 32;
                int v;
                if (!ramped) {
                    v = phase < 16 ? 0 : 255;
                } else {
                    v = phase < 8 ? 0 : phase < 16 ? (phase - 8) * 255 / 8 : phase < 24 ? 255 : 255 - (phase - 24) * 255 / 8;
                }
                p[y * w + x] = v << 16 | v << 8 | v;
            }
        }
        return new RgbImage(w, h, p);
    }
}
