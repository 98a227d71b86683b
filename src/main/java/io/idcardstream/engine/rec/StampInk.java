package io.idcardstream.engine.rec;

import io.idcardstream.engine.image.RgbImage;

/**
 * Removes from a line crop the ink that is not the line's text, before it is recognised: red ink (a seal or a
 * stamp printed over a value: the card's own text is black and blue) and long thin horizontal strokes (the frame of
 * a 复印无效 stamp, the card's edge, a table rule) running through the characters. Both are painted over with the
 * crop's background. A character's own horizontal strokes are at most a character wide, so only strokes longer
 * than {@link #MIN_RULE_LENGTH} line heights count as rules.
 *
 * <p>Pure and thread-safe.
 */
public final class StampInk {
    /**
     * Red exceeding green and blue by this much is a stamp's ink: seal red is about (210, 50, 60); skin, wood and
     * the card's pink guilloche stay well below.
     */
    static final int RED_MARGIN = 90;
    /** Paler red than {@link #RED_MARGIN}, down to this, is the ink's fringe when it touches the ink. */
    static final int FRINGE_MARGIN = 35;
    /** How many pixels deep the fringe is followed. */
    static final int FRINGE_WIDTH = 2;
    /** Pixels this much darker than the crop's background are ink. */
    static final int INK_CONTRAST = 60;
    /** A dark run at least this many crop heights long is a rule, not part of a character. */
    static final double MIN_RULE_LENGTH = 3;
    /** A rule is at most this fraction of the crop's height thick; a thicker dark band is something else. */
    static final double MAX_RULE_THICKNESS = 0.15;

    private StampInk() {}

    /** The image without red ink and rules; the same instance when it has neither. */
    public static RgbImage clean(RgbImage image, double lineHeight) {
        return withoutRules(withoutRedInk(image), lineHeight);
    }

    /**
     * The image with red ink painted over by the background; the same instance when it has none. Clearly red pixels
     * ({@link #RED_MARGIN}) are the ink; paler red touching them ({@link #FRINGE_MARGIN}: the ink's antialiased and
     * JPEG-smeared edges) goes with them, so no pink outline of the stamp is left for the reader.
     */
    public static RgbImage withoutRedInk(RgbImage image) {
        int w = image.width(), h = image.height();
        int[] px = image.pixels();
        int background = background(image);
        boolean[] ink = new boolean[px.length];
        int marked = 0;
        for (int i = 0; i < px.length; i++) {
            if (redness(px[i]) >= RED_MARGIN && luma(px[i]) <= background - INK_CONTRAST / 2) {
                ink[i] = true;
                marked++;
            }
        }
        if (marked == 0) {
            return image;
        }
        for (int round = 0; round < FRINGE_WIDTH; round++) {
            boolean[] grown = ink.clone();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    if (!ink[i] && redness(px[i]) >= FRINGE_MARGIN && ((x > 0 && ink[i - 1])
                            || (x + 1 < w && ink[i + 1]) || (y > 0 && ink[i - w]) || (y + 1 < h && ink[i + w]))) {
                        grown[i] = true;
                    }
                }
            }
            ink = grown;
        }
        int paint = (background << 16) | (background << 8) | background;
        int[] out = px.clone();
        for (int i = 0; i < px.length; i++) {
            if (ink[i]) {
                out[i] = paint;
            }
        }
        return new RgbImage(w, h, out);
    }

    private static int redness(int v) {
        return ((v >> 16) & 0xFF) - Math.max((v >> 8) & 0xFF, v & 0xFF);
    }

    /**
     * The image with rules painted over by the background, crossings kept; the same instance when it has none.
     *
     * @param lineHeight the height of the text's lines in pixels (a line crop's own height)
     */
    public static RgbImage withoutRules(RgbImage crop, double lineHeight) {
        int w = crop.width(), h = crop.height();
        int[] px = crop.pixels();
        int[] luma = new int[px.length];
        int[] histogram = new int[256];
        for (int i = 0; i < px.length; i++) {
            luma[i] = luma(px[i]);
            histogram[luma[i]]++;
        }
        int background = brightTenth(histogram, px.length);
        int paint = (background << 16) | (background << 8) | background;
        int[] out = null;
        boolean[] ruled = new boolean[px.length];
        boolean[] ruledRow = new boolean[h];
        int minRun = (int) Math.ceil(MIN_RULE_LENGTH * lineHeight);
        for (int y = 0; y < h; y++) {
            int run = 0;
            for (int x = 0; x <= w; x++) {
                if (x < w && luma[y * w + x] <= background - INK_CONTRAST) {
                    run++;
                    continue;
                }
                if (run >= minRun) {
                    ruledRow[y] = true;
                    for (int k = x - run; k < x; k++) {
                        ruled[y * w + k] = true;
                    }
                }
                run = 0;
            }
        }
        int maxThickness = Math.max(2, (int) Math.round(MAX_RULE_THICKNESS * lineHeight));
        for (int y = 0; y < h; ) {
            if (!ruledRow[y]) {
                y++;
                continue;
            }
            int end = y;
            while (end < h && ruledRow[end]) {
                end++;
            }
            if (end - y <= maxThickness) {
                out = out == null ? px.clone() : out;
                int above = y - 2, below = end + 1;
                for (int x = 0; x < w; x++) {
                    boolean crossing = above >= 0 && below < h && luma[above * w + x] <= background - INK_CONTRAST
                            && luma[below * w + x] <= background - INK_CONTRAST;
                    for (int row = y; row < end && !crossing; row++) {
                        if (ruled[row * w + x]) {
                            out[row * w + x] = paint;
                        }
                    }
                }
            }
            y = end;
        }
        return out == null ? crop : new RgbImage(w, h, out);
    }

    /** The background level: the brightest tenth's threshold of luma. */
    private static int background(RgbImage image) {
        int[] histogram = new int[256];
        for (int v : image.pixels()) {
            histogram[luma(v)]++;
        }
        return brightTenth(histogram, image.pixels().length);
    }

    private static int brightTenth(int[] histogram, int count) {
        int seen = 0;
        for (int v = 255; v > 0; v--) {
            seen += histogram[v];
            if (seen >= count / 10) {
                return v;
            }
        }
        return 0;
    }

    private static int luma(int v) {
        return (299 * ((v >> 16) & 0xFF) + 587 * ((v >> 8) & 0xFF) + 114 * (v & 0xFF)) / 1000;
    }
}
