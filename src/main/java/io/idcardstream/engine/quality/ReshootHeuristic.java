package io.idcardstream.engine.quality;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.image.RgbImage;

/**
 * A heuristic for IDCardOCR's {@code ReshootWarn} (a photo of a card shown on a screen): the screen's black bezel
 * frames the picture. It fires when at least {@value #DARK_SIDES} of the image's four edge bands
 * ({@value #BAND} of the width or height) are at least {@value #DARK_SHARE} near-black (luma below
 * {@value #DARK_LUMA}) while the whole card lies inside the image, away from those bands.
 *
 * <p>Tuned on four re-shoots (front_08, a laptop; three synthetic screen shots) against the other dev images and
 * the synthetic photos on dark, textured tables, which a looser threshold (luma 50, three sides) flagged. A card
 * photographed on a black desk will still set it off, and a tightly cropped re-shoot will not: the moiré and
 * pixel-grid cues a model would use do not survive the heavy JPEG compression of such uploads. Precision and
 * recall are not yet measured (a later issue does). Pure and thread-safe.
 */
public final class ReshootHeuristic {
    static final double BAND = 0.06;
    static final double DARK_SHARE = 0.4;
    static final double DARK_LUMA = 35;
    public static final int DARK_SIDES = 2;

    private ReshootHeuristic() {}

    public static boolean looksReshot(RgbImage image, Quad cardInImage) {
        return darkSides(image, cardInImage) >= DARK_SIDES;
    }

    /** How many of the four edge bands are dark (0 when the card reaches into a band): the warning's score is /4. */
    public static int darkSides(RgbImage image, Quad cardInImage) {
        int w = image.width(), h = image.height();
        int bandX = Math.max(1, (int) (w * BAND)), bandY = Math.max(1, (int) (h * BAND));
        for (Point corner : cardInImage.corners()) {
            if (corner.x() < bandX || corner.y() < bandY || corner.x() > w - bandX || corner.y() > h - bandY) {
                return 0;
            }
        }
        int[] dark = new int[4];
        int[] total = new int[4];
        int step = Math.max(1, Math.max(w, h) / 400);
        int[] p = image.pixels();
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                boolean top = y < bandY, bottom = y >= h - bandY, left = x < bandX, right = x >= w - bandX;
                if (!(top || bottom || left || right)) {
                    continue;
                }
                int v = p[y * w + x];
                boolean isDark = 0.299 * ((v >> 16) & 0xFF) + 0.587 * ((v >> 8) & 0xFF) + 0.114 * (v & 0xFF) < DARK_LUMA;
                boolean[] in = {top, bottom, left, right};
                for (int side = 0; side < 4; side++) {
                    if (in[side]) {
                        total[side]++;
                        dark[side] += isDark ? 1 : 0;
                    }
                }
            }
        }
        int darkSides = 0;
        for (int side = 0; side < 4; side++) {
            if (total[side] > 0 && (double) dark[side] / total[side] >= DARK_SHARE) {
                darkSides++;
            }
        }
        return darkSides;
    }
}
