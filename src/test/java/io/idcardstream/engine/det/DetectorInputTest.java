package io.idcardstream.engine.det;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.idcardstream.engine.image.RgbImage;
import org.junit.jupiter.api.Test;

class DetectorInputTest {

    @Test
    void shouldShrinkToTheLimitAndRoundEachSideToAMultipleOf32() {
        // Given a 1280 × 960 photo and the limit 960
        DetectorInput input = DetectorInput.prepare(RgbImage.filled(1280, 960, 0x808080), 960);
        // Then the tensor is 960 × 736 (720 rounded to 32) and the scales say how to map back
        assertThat(input.width()).isEqualTo(960);
        assertThat(input.height()).isEqualTo(736);
        assertThat(input.scaleX()).isCloseTo(1280.0 / 960, within(1e-12));
        assertThat(input.scaleY()).isCloseTo(960.0 / 736, within(1e-12));
        assertThat(input.tensor()).hasSize(3 * 960 * 736);
    }

    @Test
    void shouldNotEnlargeSmallImages() {
        DetectorInput input = DetectorInput.prepare(RgbImage.filled(600, 300, 0), 960);
        assertThat(input.width()).isEqualTo(608);
        assertThat(input.height()).isEqualTo(288);
    }

    @Test
    void shouldLayOutBlueGreenRedPlanesWithImageNetNormalisation() {
        // Given one pure red pixel (R 255, G 0, B 0)
        DetectorInput input = DetectorInput.prepare(RgbImage.filled(32, 32, 0xFF0000), 960);
        float[] t = input.tensor();
        int plane = 32 * 32;
        // Then the first plane is blue, normalised with the first mean/std; the last plane is red
        assertThat(t[0]).isCloseTo((0f - 0.485f) / 0.229f, within(1e-6f));
        assertThat(t[plane]).isCloseTo((0f - 0.456f) / 0.224f, within(1e-6f));
        assertThat(t[2 * plane]).isCloseTo((1f - 0.406f) / 0.225f, within(1e-6f));
    }
}
