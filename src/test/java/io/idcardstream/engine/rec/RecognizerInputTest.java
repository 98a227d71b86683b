package io.idcardstream.engine.rec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.idcardstream.engine.image.RgbImage;
import org.junit.jupiter.api.Test;

class RecognizerInputTest {

    @Test
    void shouldNormaliseToMinusOneToOneInBlueGreenRedOrderAndPadWithZero() {
        // Given a 2-pixel-wide crop of pure blue, 48 high, in a 3-wide tensor
        RgbImage crop = RgbImage.filled(2, 48, 0x0000FF);
        // When the tensor is built
        float[] t = RecognizerInput.tensor(crop, 3);
        int plane = 48 * 3;
        // Then blue (first plane) is 1, red (last plane) is -1, and the padding column is 0
        assertThat(t[0]).isEqualTo(1f);
        assertThat(t[2 * plane]).isEqualTo(-1f);
        assertThat(t[2]).isEqualTo(0f);
    }

    @Test
    void shouldRefuseCropsOfTheWrongHeight() {
        assertThatThrownBy(() -> RecognizerInput.tensor(RgbImage.filled(4, 32, 0), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("crops must be 48 pixels high but one was 32");
    }
}
