package io.idcardstream.engine.quality;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.image.RgbImage;

/**
 * Whether a character is printed in red: the card's own print is black (values) and blue (labels), while seals
 * and stamps over it ("样证" on specimens, an office's seal on a copy) are red. Looks at the ink in a square
 * around the character's centre: pixels at least {@value #INK_CONTRAST} luma darker than the square's brightest
 * tenth; the character is red when at least {@value #RED_SHARE} of its ink is red (red exceeding green and blue
 * by {@value #RED_MARGIN}) and what is not red covers less than {@value #OTHER_INK_SHARE} of the square.
 *
 * <p>A black character printed over by a red stamp keeps its black strokes, however much red surrounds them, and
 * stays a character (a stamp's own characters have no black ink at all). Pure and thread-safe.
 */
public final class RedInk {
    static final double INK_CONTRAST = 50;
    static final double RED_SHARE = 0.6;
    static final int RED_MARGIN = 50;
    /**
     * A character whose non-red ink covers this share of its square is printed in black or blue (a card
     * character covers about a fifth of its square), whatever red lies around it.
     */
    static final double OTHER_INK_SHARE = 0.05;
    /** Fewer ink pixels than this decide nothing. */
    static final int MIN_INK = 6;

    private RedInk() {}

    /**
     * @param center the character's centre in image pixels
     * @param size the side of the square to look in, about the character's height
     */
    public static boolean isRed(RgbImage image, Point center, double size) {
        int half = (int) Math.max(2, Math.round(size / 2));
        int x0 = Math.max(0, (int) Math.round(center.x()) - half), x1 = Math.min(image.width() - 1, x0 + 2 * half);
        int y0 = Math.max(0, (int) Math.round(center.y()) - half), y1 = Math.min(image.height() - 1, y0 + 2 * half);
        if (x1 <= x0 || y1 <= y0) {
            return false;
        }
        int[] histogram = new int[256];
        int count = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                histogram[luma(image.rgb(x, y))]++;
                count++;
            }
        }
        int bright = 255;
        for (int seen = 0; bright > 0; bright--) {
            seen += histogram[bright];
            if (seen >= count / 10) {
                break;
            }
        }
        int ink = 0, red = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int v = image.rgb(x, y);
                if (luma(v) <= bright - INK_CONTRAST) {
                    ink++;
                    int r = (v >> 16) & 0xFF, g = (v >> 8) & 0xFF, b = v & 0xFF;
                    if (r - Math.max(g, b) >= RED_MARGIN) {
                        red++;
                    }
                }
            }
        }
        return ink >= MIN_INK && red >= RED_SHARE * ink && ink - red < OTHER_INK_SHARE * count;
    }

    private static int luma(int v) {
        return (int) Math.round(0.299 * ((v >> 16) & 0xFF) + 0.587 * ((v >> 8) & 0xFF) + 0.114 * (v & 0xFF));
    }
}
