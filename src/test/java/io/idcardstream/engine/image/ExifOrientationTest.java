package io.idcardstream.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.idcardstream.engine.geom.Point;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExifOrientationTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldReadTheOrientationTagInEitherByteOrder(boolean littleEndian) {
        // Given a JPEG header whose EXIF says "turned 90° clockwise"
        byte[] jpeg = jpegWithExifOrientation(6, littleEndian);
        // When the orientation is read
        // Then it is 6
        assertThat(ExifOrientation.read(jpeg)).isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void shouldShowAStoredPointWhereTheTurnedImageShowsItsPixel(int orientation) {
        // Given a 5 × 3 stored image with one marked pixel at (1, 0)
        int[] pixels = new int[15];
        pixels[1] = 0xFFFFFF;
        RgbImage stored = new RgbImage(5, 3, pixels);
        // When the image is turned for display, and the pixel's centre is mapped
        RgbImage shown = ExifOrientation.apply(stored, orientation);
        Point centre = ExifOrientation.shown(new Point(1.5, 0.5), 5, 3, orientation);
        // Then the mapped centre lies in the marked pixel of the turned image
        int at = (int) Math.floor(centre.y()) * shown.width() + (int) Math.floor(centre.x());
        assertThat(shown.pixels()[at]).isEqualTo(0xFFFFFF);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void shouldFindWhereAShownPointIsStored(int orientation) {
        // Given a point of a 5 × 3 stored image, shown turned
        Point stored = new Point(1.25, 2.5);
        Point shown = ExifOrientation.shown(stored, 5, 3, orientation);
        // Then mapping it back gives the stored point
        Point back = ExifOrientation.stored(shown, 5, 3, orientation);
        assertThat(back.x()).isCloseTo(1.25, within(1e-9));
        assertThat(back.y()).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void shouldTakeImagesWithoutExifAsStored() {
        // Given a JPEG header with no APP1 segment, and bytes that are not a JPEG at all
        byte[] noExif = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2};
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        // Then both read as orientation 1
        assertThat(ExifOrientation.read(noExif)).isEqualTo(1);
        assertThat(ExifOrientation.read(png)).isEqualTo(1);
    }

    @Test
    void shouldIgnoreAMalformedExifBlock() {
        // Given an EXIF segment whose IFD offset points past its end
        byte[] jpeg = jpegWithExifOrientation(6, true);
        jpeg[4 + 2 + 6 + 4] = 0x7F;
        // Then the picture is taken as stored rather than failed
        assertThat(ExifOrientation.read(jpeg)).isEqualTo(1);
    }

    @Test
    void shouldApplyEachOrientationAsTheExifStandardDefinesIt() {
        // Given a 2 × 1 image: A B
        RgbImage ab = new RgbImage(2, 1, new int[] {0xA, 0xB});
        // Then each orientation shows it as the standard says
        assertThat(ExifOrientation.apply(ab, 1).pixels()).containsExactly(0xA, 0xB);
        assertThat(ExifOrientation.apply(ab, 2).pixels()).containsExactly(0xB, 0xA);
        assertThat(ExifOrientation.apply(ab, 3).pixels()).containsExactly(0xB, 0xA);
        RgbImage six = ExifOrientation.apply(ab, 6);
        assertThat(six.width()).isEqualTo(1);
        assertThat(six.pixels()).containsExactly(0xA, 0xB);
        assertThat(ExifOrientation.apply(ab, 8).pixels()).containsExactly(0xB, 0xA);
        assertThat(ExifOrientation.apply(ab, 5).pixels()).containsExactly(0xA, 0xB);
        assertThat(ExifOrientation.apply(ab, 7).pixels()).containsExactly(0xB, 0xA);
    }

    /** SOI, an APP1 "Exif" segment with one IFD0 entry (Orientation), then SOS. */
    static byte[] jpegWithExifOrientation(int orientation, boolean littleEndian) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        if (littleEndian) {
            tiff.writeBytes(new byte[] {'I', 'I', 0x2A, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0,
                (byte) orientation, 0, 0, 0, 0, 0, 0, 0});
        } else {
            tiff.writeBytes(new byte[] {'M', 'M', 0, 0x2A, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1,
                0, (byte) orientation, 0, 0, 0, 0, 0, 0});
        }
        byte[] body = tiff.toByteArray();
        int length = 2 + 6 + body.length;
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        jpeg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1,
            (byte) (length >> 8), (byte) length, 'E', 'x', 'i', 'f', 0, 0});
        jpeg.writeBytes(body);
        jpeg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 2});
        return jpeg.toByteArray();
    }
}
