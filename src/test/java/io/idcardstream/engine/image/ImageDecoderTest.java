package io.idcardstream.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.idcardstream.engine.DevSet;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.OcrException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
    private static final ImageLimits LIMITS = new ImageLimits(4_718_592, 40_000_000, 2560);

    @Test
    void shouldDecodeADevelopmentJpeg() throws OcrException {
        // Given a photo of a card (600 × 300 JPEG)
        byte[] jpeg = DevSet.bytes("front_07.jpg");
        // When it is decoded
        RgbImage image = ImageDecoder.decode(jpeg, LIMITS);
        // Then it has the photo's size
        assertThat(image.width()).isEqualTo(600);
        assertThat(image.height()).isEqualTo(300);
    }

    @Test
    void shouldRefuseZeroBytesAsAnEmptyImage() {
        assertThatThrownBy(() -> ImageDecoder.decode(new byte[0], LIMITS))
                .isInstanceOfSatisfying(OcrException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.EMPTY_IMAGE))
                .hasMessage("the image is empty");
    }

    @Test
    void shouldRefuseATruncatedJpeg() {
        // Given the first 60% of a real JPEG
        byte[] jpeg = DevSet.bytes("front_07.jpg");
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length * 6 / 10);
        // Then it is a decode failure, not a half-grey picture
        assertThatThrownBy(() -> ImageDecoder.decode(truncated, LIMITS))
                .isInstanceOfSatisfying(OcrException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.IMAGE_DECODE_FAILED))
                .hasMessage("the JPEG is truncated");
    }

    @Test
    void shouldRefuseATruncatedPng() throws IOException {
        byte[] png = png(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB));
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> ImageDecoder.decode(truncated, LIMITS))
                .isInstanceOfSatisfying(OcrException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.IMAGE_DECODE_FAILED))
                .hasMessage("the PNG image cannot be decoded");
    }

    @Test
    void shouldRefuseAGifAsTheApiDoes() throws IOException {
        // Given a real GIF
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "gif", gif);
        // Then it is refused by format
        assertThatThrownBy(() -> ImageDecoder.decode(gif.toByteArray(), LIMITS))
                .isInstanceOfSatisfying(OcrException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.IMAGE_DECODE_FAILED))
                .hasMessage("GIF images are not supported; send PNG or JPEG");
    }

    @Test
    void shouldRefuseBytesThatAreNoImage() {
        assertThatThrownBy(() -> ImageDecoder.decode("not an image".getBytes(), LIMITS))
                .isInstanceOfSatisfying(OcrException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.IMAGE_DECODE_FAILED))
                .hasMessage("the image is neither PNG nor JPEG");
    }

    @Test
    void shouldRefuseHugeDimensionsFromTheHeaderBeforeDecoding() {
        // Given a 200-byte PNG claiming 100000 × 100000 pixels (40 GB of pixels if decoded)
        byte[] bomb = pngHeaderOnly(100_000, 100_000);
        // Then it is refused by size, without decoding
        assertThatThrownBy(() -> ImageDecoder.decode(bomb, LIMITS))
                .isInstanceOfSatisfying(OcrException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.IMAGE_SIZE_TOO_LARGE))
                .hasMessage("the image is 100000x100000 pixels; at most 40000000 pixels are accepted");
    }

    @Test
    void shouldRefuseAFileOverTheByteLimit() {
        byte[] big = new byte[4_718_593];
        assertThatThrownBy(() -> ImageDecoder.decode(big, LIMITS))
                .isInstanceOfSatisfying(OcrException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.IMAGE_SIZE_TOO_LARGE))
                .hasMessage("the image has 4718593 bytes; at most 4718592 are accepted");
    }

    @Test
    void shouldTurnAJpegAsItsExifOrientationSays() throws IOException, OcrException {
        // Given a 64 × 32 JPEG, red on the left half and blue on the right, tagged "turn 90° clockwise"
        BufferedImage picture = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 32, 32);
        g.setColor(Color.BLUE);
        g.fillRect(32, 0, 32, 32);
        g.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", plain);
        byte[] tagged = withExif(plain.toByteArray(), ExifOrientationTest.jpegWithExifOrientation(6, false));
        // When it is decoded
        RgbImage image = ImageDecoder.decode(tagged, LIMITS);
        // Then it stands upright: 32 wide, 64 high, red on top
        assertThat(image.width()).isEqualTo(32);
        assertThat(image.height()).isEqualTo(64);
        assertThat(image.rgb(16, 8) >> 16 & 0xFF).isGreaterThan(200);
        assertThat(image.rgb(16, 56) & 0xFF).isGreaterThan(200);
    }

    @Test
    void shouldCompositeTransparencyOnWhite() throws IOException, OcrException {
        byte[] png = png(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB));
        assertThat(ImageDecoder.decode(png, LIMITS).pixels()).containsOnly(0xFFFFFF);
    }

    @Test
    void shouldSubsampleVeryLargeImagesWhileDecoding() throws IOException, OcrException {
        // Given a 3000 × 100 PNG and a working size of 1000
        byte[] png = png(new BufferedImage(3000, 100, BufferedImage.TYPE_INT_RGB));
        // When it is decoded
        RgbImage image = ImageDecoder.decode(png, new ImageLimits(LIMITS.maxBytes(), LIMITS.maxPixels(), 1000));
        // Then every third pixel is kept
        assertThat(image.width()).isEqualTo(1000);
        assertThat(image.height()).isEqualTo(34);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The PNG signature and a valid IHDR chunk, nothing else. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height)
                .put(new byte[] {8, 2, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }

    /** The JPEG with the APP1 segment of {@code exifHeader} (SOI, APP1, …) inserted after its SOI. */
    private static byte[] withExif(byte[] jpeg, byte[] exifHeader) {
        int app1Length = ((exifHeader[4] & 0xFF) << 8 | (exifHeader[5] & 0xFF)) + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(exifHeader, 2, app1Length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
