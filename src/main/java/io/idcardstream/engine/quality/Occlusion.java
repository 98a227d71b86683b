package io.idcardstream.engine.quality;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.image.RgbImage;
import java.util.List;

/**
 * A heuristic for IDCardOCR's occlusion warning (-9105, asked with {@code BorderCheckWarn}): a finger over the
 * card's edge. {@link BorderCheck} counts only what is missing or near-black there; a finger is neither, but it is
 * skin, which no part of a card's edge band is (pale blue and pink guilloche, blue labels, black text; the portrait
 * lies well inside). A band point is skin by Kovač's daylight rule (R &gt; 95, G &gt; 40, B &gt; 20, spread &gt; 15,
 * R − G &gt; 15, R the largest channel, B at least {@value #MIN_BLUE_SHARE} of R), on the mean colour of a 5 × 5 neighbourhood, with G at least
 * {@value #MIN_GREEN_SHARE} of R, which leaves out the red ink of seals and stamps. A run of at least
 * {@value #MIN_SKIN_POINTS} consecutive skin points along one edge ({@link BorderCheck#STEP} = 0.8 mm apart) raises
 * the warning: a fingertip 1 cm wide covers a dozen, while skin-coloured specks of print stay alone. The run was
 * chosen on the tuning part of bench/warnings.sh's synthetic set (seed 12): fingers gave runs of 10–14, every other
 * image at most 2; of the values that keep all those fingers, the highest, because real cards carry warm print the
 * synthetic ones do not (the dev set's rendered backs and bdci fronts reach 6–8). The check {@link #DEEPER} inside
 * came after, for the committed skew fixtures on wooden tables; it leaves the generated fingers' runs as they were.
 *
 * <p>Skin tones outside the rule (very dark skin, gloves, cold light) and objects that are not skin (a pen, a coin)
 * are not seen, nor occlusion away from the edge; so the engine raises -9105 when it sees it and otherwise reports
 * it not checked (README, "Warnings"). Pure and thread-safe.
 */
public final class Occlusion {
    static final double MIN_GREEN_SHARE = 0.45;
    /** Skin keeps some blue; the gold and orange of the back's emblem and print do not (B under a third of R). */
    static final double MIN_BLUE_SHARE = 0.4;
    public static final int MIN_SKIN_POINTS = 10;
    static final int MEAN_RADIUS = 2;
    /**
     * A finger reaches into the card; a table seen through an outline placed a little outside the card (keystoned
     * photos: up to 2 mm) does not: each band point must be skin {@value} template units (3 mm) further in too.
     */
    static final double DEEPER = 30;

    private Occlusion() {}

    /**
     * @param skinPoints the longest run of consecutive band points on skin along one edge
     * @param region the bounding box of the runs long enough, in image pixels; null when there is none
     */
    public record Measure(int skinPoints, int bandPoints, Quad region) {
        public boolean occluded() {
            return skinPoints >= MIN_SKIN_POINTS;
        }
    }

    public static Measure measure(RgbImage image, CardFrame frame) {
        int run, longest = 0, bandPoints = 0;
        if (isSkin(cardColour(image, frame))) {
            // A card that looks skin-coloured all over (warm light, a tinted screen) hides a finger: nothing is seen.
            return new Measure(0, 0, null);
        }
        double left = Double.MAX_VALUE, top = Double.MAX_VALUE, right = -Double.MAX_VALUE, bottom = -Double.MAX_VALUE;
        List<List<Point>> band = BorderCheck.edgesInImage(frame, 0);
        List<List<Point>> inside = BorderCheck.edgesInImage(frame, DEEPER);
        for (int e = 0; e < band.size(); e++) {
            run = 0;
            for (int i = 0; i < band.get(e).size(); i++) {
                Point p = band.get(e).get(i);
                bandPoints++;
                int x = (int) Math.round(p.x()), y = (int) Math.round(p.y());
                if (!skinAt(image, p) || !skinAt(image, inside.get(e).get(i))) {
                    run = 0;
                    continue;
                }
                run++;
                if (run >= MIN_SKIN_POINTS) {
                    left = Math.min(left, x);
                    top = Math.min(top, y);
                    right = Math.max(right, x);
                    bottom = Math.max(bottom, y);
                }
                longest = Math.max(longest, run);
            }
        }
        return new Measure(longest, bandPoints, longest < MIN_SKIN_POINTS ? null
                : Quad.rectangle(left, top, right, bottom));
    }

    private static boolean skinAt(RgbImage image, Point p) {
        int x = (int) Math.round(p.x()), y = (int) Math.round(p.y());
        return x >= 0 && y >= 0 && x < image.width() && y < image.height() && isSkin(meanAround(image, x, y));
    }

    /**
     * The mean colour of the {@value #MEAN_RADIUS}-pixel neighbourhood: a finger is skin all over, while a screen's
     * sub-pixel grid or a red speck of print is skin-coloured only pixel by pixel.
     */
    static int meanAround(RgbImage image, int cx, int cy) {
        int r = 0, g = 0, b = 0, n = 0;
        for (int y = Math.max(0, cy - MEAN_RADIUS); y <= Math.min(image.height() - 1, cy + MEAN_RADIUS); y++) {
            for (int x = Math.max(0, cx - MEAN_RADIUS); x <= Math.min(image.width() - 1, cx + MEAN_RADIUS); x++) {
                int v = image.rgb(x, y);
                r += (v >> 16) & 0xFF;
                g += (v >> 8) & 0xFF;
                b += v & 0xFF;
                n++;
            }
        }
        return (r / n) << 16 | (g / n) << 8 | (b / n);
    }

    /** The median of each channel over a grid inside the card (the points that are in the image). */
    static int cardColour(RgbImage image, CardFrame frame) {
        List<Integer> r = new java.util.ArrayList<>(), g = new java.util.ArrayList<>(), b = new java.util.ArrayList<>();
        for (double x = 100; x < io.idcardstream.engine.card.CardTemplate.WIDTH - 100; x += 40) {
            for (double y = 80; y < io.idcardstream.engine.card.CardTemplate.HEIGHT - 80; y += 40) {
                Point p = frame.cardToImage().apply(new Point(x, y));
                int px = (int) Math.round(p.x()), py = (int) Math.round(p.y());
                if (px >= 0 && py >= 0 && px < image.width() && py < image.height()) {
                    int v = image.rgb(px, py);
                    r.add((v >> 16) & 0xFF);
                    g.add((v >> 8) & 0xFF);
                    b.add(v & 0xFF);
                }
            }
        }
        if (r.isEmpty()) {
            return 0;
        }
        r.sort(null);
        g.sort(null);
        b.sort(null);
        int m = r.size() / 2;
        return r.get(m) << 16 | g.get(m) << 8 | b.get(m);
    }

    static boolean isSkin(int rgb) {
        int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
        int max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b));
        return r > 95 && g > 40 && b > 20 && max - min > 15 && r - g > 15 && r > b && g >= MIN_GREEN_SHARE * r
                && b >= MIN_BLUE_SHARE * r;
    }
}
