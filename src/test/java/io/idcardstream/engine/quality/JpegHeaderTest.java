package io.idcardstream.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class JpegHeaderTest {

    @Test
    void shouldReadTheLumaTableOfAJpegInNaturalOrder() throws IOException {
        // Given a JPEG written by the JDK at its default quality (0.75: libjpeg's table scaled to 50%)
        byte[] jpeg = jpeg(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB));
        // Then the table's first row is libjpeg's luminance row scaled: 16 11 10 16 24 40 51 61 → 8 6 5 8 12 20 26 31
        int[] table = JpegHeader.lumaQuantisation(jpeg).orElseThrow();
        assertThat(Arrays.copyOf(table, 8)).containsExactly(8, 6, 5, 8, 12, 20, 26, 31);
        // And its first column is the table's first column scaled: 16 12 14 14 18 24 49 72 → 8 6 7 7 9 12 25 36
        assertThat(new int[] {table[0], table[8], table[16], table[24], table[32], table[40], table[48], table[56]})
                .containsExactly(8, 6, 7, 7, 9, 12, 25, 36);
    }

    @Test
    void shouldReadNothingFromWhatIsNoJpegOrIsCutBeforeItsTables() throws IOException {
        byte[] jpeg = jpeg(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB));
        assertThat(JpegHeader.lumaQuantisation(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
        assertThat(JpegHeader.lumaQuantisation(Arrays.copyOf(jpeg, 30))).isEmpty();
        assertThat(JpegHeader.lumaQuantisation(new byte[0])).isEmpty();
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
