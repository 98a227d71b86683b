package io.idcardstream.engine.quality;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.image.RgbImage;
import java.util.List;

/**
 * A heuristic for IDCardOCR's {@code ReshootWarn} (a photo of a card shown on a screen): the screen's black bezel
 * frames the picture. It fires when at least {@value #DARK_SIDES} of the image's four edge bands
 * ({@value #BAND} of the width or height) are at least {@value #DARK_SHARE} near-black (luma below
 * {@value #DARK_LUMA}) while the whole card lies inside the image, away from those bands.
 *
 * <p>Tuned on four re-shoots (front_08, a laptop; three synthetic screen shots) against the other dev images and
 * the synthetic photos on dark, textured tables, which a looser threshold (luma 50, three sides) flagged. A card
 * A screen shows the card inside a lit picture (the photo's own background, at least a little of it), so the
 * bezel never touches the card; a card lying on a black desk or rendered on black has the dark right at its edge.
 * When at least {@value #DARK_RING_SHARE} of a ring just outside the card ({@value #RING} of the card's size out)
 * is near-black, the card is taken to lie on a dark surface and no bezel is seen (issue 12: idcards-dev2's
 * front_03 and back_02, cards rendered on black, were flagged). A tightly cropped re-shoot shown full-screen is
 * then missed, as is any re-shoot without a bezel in view: the moiré and pixel-grid cues a model would use do not
 * survive the heavy JPEG compression of such uploads. Precision and recall: BENCHMARKS.md, "Warnings (issue 12)".
 * Pure and thread-safe.
 */
public final class ReshootHeuristic {
    static final double BAND = 0.06;
    static final double DARK_SHARE = 0.4;
    static final double DARK_LUMA = 35;
    public static final int DARK_SIDES = 2;
    /** How far outside the card the ring lies, as a share of the card's width and height. */
    static final double RING = 0.06;
    static final double DARK_RING_SHARE = 0.6;
    private static final int RING_POINTS_PER_SIDE = 40;

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
        if (onDarkSurface(image, cardInImage)) {
            return 0;
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
                boolean isDark = RgbImage.luma(v) < DARK_LUMA;
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

    /**
     * Whether the ring {@value #RING} outside the card is mostly near-black: the card lies on a dark surface, not on a
     * lit screen. The ring follows the card's outline (corners pushed out from its centre), points outside the image
     * left out.
     */
    static boolean onDarkSurface(RgbImage image, Quad cardInImage) {
        List<Point> corners = cardInImage.corners();
        double cx = corners.stream().mapToDouble(Point::x).average().orElse(0);
        double cy = corners.stream().mapToDouble(Point::y).average().orElse(0);
        List<Point> ring = corners.stream()
                .map(c -> new Point(cx + (c.x() - cx) * (1 + 2 * RING), cy + (c.y() - cy) * (1 + 2 * RING))).toList();
        int dark = 0, seen = 0;
        for (int side = 0; side < 4; side++) {
            Point from = ring.get(side), to = ring.get((side + 1) % 4);
            for (int i = 0; i < RING_POINTS_PER_SIDE; i++) {
                double t = (i + 0.5) / RING_POINTS_PER_SIDE;
                int x = (int) Math.round(from.x() + t * (to.x() - from.x()));
                int y = (int) Math.round(from.y() + t * (to.y() - from.y()));
                if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) {
                    continue;
                }
                seen++;
                dark += RgbImage.luma(image.rgb(x, y)) < DARK_LUMA ? 1 : 0;
            }
        }
        return seen > 0 && dark >= DARK_RING_SHARE * seen;
    }
}
