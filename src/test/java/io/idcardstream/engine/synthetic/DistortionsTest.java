package io.idcardstream.engine.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistortionsTest {

    /** A 3 x 2 image whose pixels are 1..6 in reading order (blue channel). */
    private static BufferedImage numbered() {
        return Distortions.image(new int[] {1, 2, 3, 4, 5, 6}, 3, 2);
    }

    private static int[] blue(BufferedImage image) {
        int[] px = Distortions.pixels(image);
        int[] out = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = px[i] & 0xff;
        }
        return out;
    }

    @Test
    void shouldTurnTheImageClockwiseByQuarterTurns() {
        // Given the image   1 2 3
        //                   4 5 6
        SplittableRandom random = new SplittableRandom(1);

        // When it is turned by one, two and three quarter turns clockwise
        BufferedImage once = Distortions.quarterTurnsClockwise(1).apply(numbered(), random);
        BufferedImage twice = Distortions.quarterTurnsClockwise(2).apply(numbered(), random);
        BufferedImage thrice = Distortions.quarterTurnsClockwise(3).apply(numbered(), random);

        // Then the pixels read   4 1 / 5 2 / 6 3,   6 5 4 / 3 2 1,   3 6 / 2 5 / 1 4
        assertThat(new int[] {once.getWidth(), once.getHeight()}).containsExactly(2, 3);
        assertThat(blue(once)).containsExactly(4, 1, 5, 2, 6, 3);
        assertThat(blue(twice)).containsExactly(6, 5, 4, 3, 2, 1);
        assertThat(blue(thrice)).containsExactly(3, 6, 2, 5, 1, 4);
    }

    @Test
    void shouldSpreadOnePointEvenlyOverTheBlurBox() {
        // Given a 5 x 5 black image with one pixel of blue 225 in the middle
        int[] px = new int[25];
        px[12] = 225;
        BufferedImage dot = Distortions.image(px, 5, 5);

        // When it is box-blurred with radius 1
        int[] blurred = blue(Distortions.boxBlur(1).apply(dot, new SplittableRandom(1)));

        // Then the 3 x 3 neighbourhood holds 225 / 9 = 25 each and everything else stays black
        assertThat(blurred).containsExactly(
                0, 0, 0, 0, 0,
                0, 25, 25, 25, 0,
                0, 25, 25, 25, 0,
                0, 25, 25, 25, 0,
                0, 0, 0, 0, 0);
    }

    @Test
    void shouldComposeDistortionsInOrder() {
        // Given a quarter turn followed by a colour cast that adds 10 to every channel
        Distortion turnThenLift = Distortions.quarterTurnsClockwise(1).then(Distortions.colourCast(1, 1, 1, 10));

        // When applied to the numbered image
        BufferedImage out = turnThenLift.apply(numbered(), new SplittableRandom(1));

        // Then the pixels are turned and lifted
        assertThat(blue(out)).containsExactly(14, 11, 15, 12, 16, 13);
    }
}
