package io.idcardstream.engine.image;

import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.OcrException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns uploaded bytes into an upright RGB image, refusing what IDCardOCR refuses: empty input
 * ({@code FailedOperation.EmptyImageError}), anything but PNG and JPEG, GIF included, and damaged files
 * ({@code FailedOperation.ImageDecodeFailed}), and files or dimensions over the limits
 * ({@code FailedOperation.ImageSizeTooLarge}, decided from the header before decoding). A JPEG's EXIF orientation
 * is applied. Transparent pixels are composited on white.
 *
 * <p>Stateless and thread-safe.
 */
public final class ImageDecoder {
    private ImageDecoder() {}

    /** The formats the API accepts, recognised by their signatures rather than by any name the caller gave. */
    enum Format {
        PNG, JPEG;

        static Format sniff(byte[] b) throws OcrException {
            if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
                return PNG;
            }
            if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
                return JPEG;
            }
            if (b.length >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
                throw new OcrException(ErrorCodes.IMAGE_DECODE_FAILED, "GIF images are not supported; send PNG or JPEG",
                        null);
            }
            throw new OcrException(ErrorCodes.IMAGE_DECODE_FAILED, "the image is neither PNG nor JPEG", null);
        }
    }

    public static RgbImage decode(byte[] bytes, ImageLimits limits) throws OcrException {
        if (bytes == null || bytes.length == 0) {
            throw new OcrException(ErrorCodes.EMPTY_IMAGE, "the image is empty", null);
        }
        if (bytes.length > limits.maxBytes()) {
            throw new OcrException(ErrorCodes.IMAGE_SIZE_TOO_LARGE, "the image has " + bytes.length
                    + " bytes; at most " + limits.maxBytes() + " are accepted", null);
        }
        Format format = Format.sniff(bytes);
        BufferedImage decoded;
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name());
            if (!readers.hasNext()) {
                throw new IllegalStateException("no ImageIO reader for " + format + " in this JDK");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw new OcrException(ErrorCodes.IMAGE_DECODE_FAILED, "the image has no pixels", null);
                }
                if ((long) width * height > limits.maxPixels()) {
                    throw new OcrException(ErrorCodes.IMAGE_SIZE_TOO_LARGE, "the image is " + width + "x" + height
                            + " pixels; at most " + limits.maxPixels() + " pixels are accepted", null);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil((double) Math.max(width, height) / limits.workingLongSide());
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                List<String> truncation = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> {
                    // libjpeg reports a cut-off file as a warning and fills the rest with grey; that is damage.
                    if (warning != null && warning.startsWith("Truncated File")) {
                        truncation.add(warning);
                    }
                });
                decoded = reader.read(0, param);
                if (!truncation.isEmpty()) {
                    throw new OcrException(ErrorCodes.IMAGE_DECODE_FAILED, "the JPEG is truncated", null);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new OcrException(ErrorCodes.IMAGE_DECODE_FAILED, "the " + format + " image cannot be decoded", null, e);
        }
        RgbImage image = RgbImage.of(onWhite(decoded));
        return format == Format.JPEG ? ExifOrientation.apply(image, ExifOrientation.read(bytes)) : image;
    }

    private static BufferedImage onWhite(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }
}
