package io.idcardstream.engine.image;

import io.idcardstream.engine.geom.Point;

/**
 * The EXIF Orientation tag (0x0112) of a JPEG: how the stored pixels must be turned and mirrored to show the
 * picture as taken. Phones store portrait shots sideways with this tag; {@code ImageIO} ignores it.
 *
 * <p>Values (EXIF 2.3, section 4.6.4): 1 as stored, 2 mirrored left-right, 3 turned 180°, 4 mirrored top-bottom,
 * 5 transposed (mirrored about the main diagonal), 6 turned 90° clockwise, 7 transversed, 8 turned 270° clockwise.
 */
public final class ExifOrientation {
    public static final int AS_STORED = 1;

    private static final int APP1 = 0xE1;
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {}

    /**
     * The orientation value of a JPEG, or {@link #AS_STORED} when the bytes are not a JPEG, carry no EXIF, or the
     * EXIF block is malformed (a damaged tag must not fail a readable picture).
     */
    public static int read(byte[] jpeg) {
        for (JpegSegments.Segment segment : JpegSegments.header(jpeg)) {
            boolean exif = segment.end() - segment.start() >= 6 && isExifHeader(jpeg, segment.start());
            if (segment.marker() == APP1 && exif) {
                int value = fromTiff(jpeg, segment.start() + 6, segment.end());
                return value >= 1 && value <= 8 ? value : AS_STORED;
            }
        }
        return AS_STORED;
    }

    private static boolean isExifHeader(byte[] b, int at) {
        return b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0
                && b[at + 5] == 0;
    }

    /** Reads the Orientation entry of IFD0 of the TIFF structure at {@code [start, end)}. */
    private static int fromTiff(byte[] b, int start, int end) {
        if (start + 8 > end) {
            return AS_STORED;
        }
        boolean little;
        if (b[start] == 'I' && b[start + 1] == 'I') {
            little = true;
        } else if (b[start] == 'M' && b[start + 1] == 'M') {
            little = false;
        } else {
            return AS_STORED;
        }
        long ifd = u32(b, start + 4, little);
        if (ifd < 8 || start + ifd + 2 > end) {
            return AS_STORED;
        }
        int entries = u16(b, (int) (start + ifd), little);
        int entry = (int) (start + ifd + 2);
        for (int i = 0; i < entries && entry + 12 <= end; i++, entry += 12) {
            if (u16(b, entry, little) == ORIENTATION_TAG) {
                return u16(b, entry + 8, little);
            }
        }
        return AS_STORED;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int a = b[at] & 0xFF, c = b[at + 1] & 0xFF;
        return little ? a | (c << 8) : (a << 8) | c;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int shift = little ? 8 * i : 8 * (3 - i);
            v |= (long) (b[at + i] & 0xFF) << shift;
        }
        return v;
    }

    /** The image as it should be shown, given its stored pixels and orientation value. */
    public static RgbImage apply(RgbImage stored, int orientation) {
        return switch (orientation) {
            case 2 -> ImageOps.flipHorizontal(stored);
            case 3 -> ImageOps.rotate(stored, QuarterTurn.HALF);
            case 4 -> ImageOps.flipHorizontal(ImageOps.rotate(stored, QuarterTurn.HALF));
            case 5 -> ImageOps.flipHorizontal(ImageOps.rotate(stored, QuarterTurn.CLOCKWISE_90));
            case 6 -> ImageOps.rotate(stored, QuarterTurn.CLOCKWISE_90);
            case 7 -> ImageOps.flipHorizontal(ImageOps.rotate(stored, QuarterTurn.CLOCKWISE_270));
            case 8 -> ImageOps.rotate(stored, QuarterTurn.CLOCKWISE_270);
            default -> stored;
        };
    }

    /**
     * Where a point of the stored image, in continuous pixel coordinates ({@code width} × {@code height}), is shown
     * once {@link #apply} has turned the image.
     */
    public static Point shown(Point stored, int width, int height, int orientation) {
        double x = stored.x(), y = stored.y();
        return switch (orientation) {
            case 2 -> new Point(width - x, y);
            case 3 -> new Point(width - x, height - y);
            case 4 -> new Point(x, height - y);
            case 5 -> new Point(y, x);
            case 6 -> new Point(height - y, x);
            case 7 -> new Point(height - y, width - x);
            case 8 -> new Point(y, width - x);
            default -> stored;
        };
    }

    /** Where a point of the turned image is stored: the inverse of {@link #shown}. */
    public static Point stored(Point shown, int storedWidth, int storedHeight, int orientation) {
        boolean swapped = orientation >= 5 && orientation <= 8;
        int inverse = orientation == 6 ? 8 : orientation == 8 ? 6 : orientation;
        return shown(shown, swapped ? storedHeight : storedWidth, swapped ? storedWidth : storedHeight, inverse);
    }
}
