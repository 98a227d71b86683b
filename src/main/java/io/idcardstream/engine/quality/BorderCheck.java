package io.idcardstream.engine.quality;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.card.CardTemplate;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A heuristic for IDCardOCR's {@code BorderCheckWarn} and {@code BorderCodeValue}: how much of the card's edge is
 * missing. Points along a band {@value #INSET} template units (1.5 mm) inside the card's outline, further in where
 * the outline is extrapolated ({@link #inward}), are looked up in the image (the rounded corners left out); a point
 * is missing when it falls outside the image or on something much darker than the card (a
 * black bar, a dark cover: luma below {@value #DARK_LUMA} on a card whose median is above {@value #LIGHT_CARD}).
 * {@code BorderCodeValue} is 4 × the missing percentage, capped at 100, so that the API's suggested threshold of
 * 50 flags a card with an eighth of its edge gone (for example a cut-off bottom edge, as in back_01).
 *
 * <p>The inset is the closest to the edge that stays inside every complete card of the development set given how
 * far the anchors place the outline from the printed edge (specimens differ by up to 2 mm); at 1 mm two tightly
 * scanned cards already lose points. A cut shallower than 1.5 mm therefore goes unnoticed, and skin-coloured
 * fingers over the edge are not counted. Precision and recall are not yet measured (a later issue
 * does). Pure and thread-safe.
 */
public final class BorderCheck {
    static final double INSET = 15;
    static final double STEP = 8;
    /** Inset added per unit of distance left or right of the anchors' extent. */
    static final double EXTRAPOLATION = 0.2;
    /** The card's corners are rounded (radius about 3 mm): the band leaves them out. */
    static final double CORNER = 45;
    static final double DARK_LUMA = 45;
    static final double LIGHT_CARD = 120;
    /** {@code BorderCodeValue} above this raises warning -9101 (the API's suggested threshold). */
    public static final int WARN_ABOVE = 50;

    private BorderCheck() {}

    /**
     * {@code BorderCodeValue} and where the edge is missing.
     *
     * @param value 0 (complete) to 100 (much of the edge missing)
     * @param missing the bounding box, in image pixels and clipped to the image, of the band points found missing;
     *     null when none is
     */
    public record Measure(int value, Quad missing) {}

    /** 0 (complete) to 100 (much of the edge missing). */
    public static int codeValue(RgbImage image, CardFrame frame) {
        return measure(image, frame).value();
    }

    /**
     * The band's points in image coordinates ({@link #INSET} inside the card's outline, corners left out), for
     * {@link Occlusion}; points outside the image are included, for the caller to skip.
     */
    static List<Point> bandInImage(CardFrame frame) {
        List<Point> points = new ArrayList<>();
        for (Point edge : band()) {
            points.add(frame.cardToImage().apply(inward(edge, frame.anchorExtent())));
        }
        return points;
    }

    /**
     * The band's points per edge (top, bottom, left, right), each in order along its edge, in image coordinates,
     * {@code deeper} template units further inside the card than the band.
     */
    static List<List<Point>> edgesInImage(CardFrame frame, double deeper) {
        double w = CardTemplate.WIDTH, h = CardTemplate.HEIGHT;
        List<List<Point>> edges = new ArrayList<>();
        for (int e = 0; e < 4; e++) {
            List<Point> edge = new ArrayList<>();
            if (e < 2) {
                for (double x = CORNER; x <= w - CORNER; x += STEP) {
                    edge.add(new Point(x, e == 0 ? 0 : h));
                }
            } else {
                for (double y = CORNER; y <= h - CORNER; y += STEP) {
                    edge.add(new Point(e == 2 ? 0 : w, y));
                }
            }
            int side = e;
            edges.add(edge.stream().map(p -> {
                Point in = inward(p, frame.anchorExtent());
                double dx = side == 2 ? deeper : side == 3 ? -deeper : 0, dy = side == 0 ? deeper : side == 1 ? -deeper : 0;
                return frame.cardToImage().apply(new Point(in.x() + dx, in.y() + dy));
            }).toList());
        }
        return edges;
    }

    private static List<Point> band() {
        List<Point> band = new ArrayList<>();
        double w = CardTemplate.WIDTH, h = CardTemplate.HEIGHT;
        for (double x = CORNER; x <= w - CORNER; x += STEP) {
            band.add(new Point(x, 0));
            band.add(new Point(x, h));
        }
        for (double y = CORNER; y <= h - CORNER; y += STEP) {
            band.add(new Point(0, y));
            band.add(new Point(w, y));
        }
        return band;
    }

    /** {@link #codeValue} and the region of the edge found missing (the warning's region). */
    public static Measure measure(RgbImage image, CardFrame frame) {
        List<Point> band = band();
        double cardMedian = medianLuma(image, frame);
        int missing = 0;
        double left = Double.MAX_VALUE, top = Double.MAX_VALUE, right = -Double.MAX_VALUE, bottom = -Double.MAX_VALUE;
        for (Point edge : band) {
            Point t = inward(edge, frame.anchorExtent());
            Point p = frame.cardToImage().apply(t);
            int x = (int) Math.round(p.x()), y = (int) Math.round(p.y());
            boolean gone = x < 0 || y < 0 || x >= image.width() || y >= image.height()
                    || (cardMedian > LIGHT_CARD && RgbImage.luma(image.rgb(x, y)) < DARK_LUMA);
            if (gone) {
                missing++;
                double cx = Math.max(0, Math.min(image.width() - 1, p.x()));
                double cy = Math.max(0, Math.min(image.height() - 1, p.y()));
                left = Math.min(left, cx);
                top = Math.min(top, cy);
                right = Math.max(right, cx);
                bottom = Math.max(bottom, cy);
            }
        }
        int value = (int) Math.min(100, Math.round(400.0 * missing / band.size()));
        return new Measure(value, missing == 0 ? null : Quad.rectangle(left, top, right, bottom));
    }

    /**
     * The point {@link #INSET} inside the card edge point {@code edge}, plus {@value #EXTRAPOLATION} of its distance
     * left or right of the anchors' extent: the frame is least sure of the card's short sides, furthest from the
     * anchors along the card (the front's portrait side is 12 mm from the last ID digit; its outline came out up to
     * 2 mm wide on keystoned synthetic photos), while rows of anchors reach close to the long sides.
     */
    static Point inward(Point edge, Quad anchorExtent) {
        double beyond = Math.max(0, Math.max(anchorExtent.topLeft().x() - edge.x(),
                edge.x() - anchorExtent.topRight().x()));
        double inset = INSET + EXTRAPOLATION * beyond;
        double x = edge.x() == 0 ? inset : edge.x() == CardTemplate.WIDTH ? CardTemplate.WIDTH - inset : edge.x();
        double y = edge.y() == 0 ? inset : edge.y() == CardTemplate.HEIGHT ? CardTemplate.HEIGHT - inset : edge.y();
        return new Point(x, y);
    }

    /** Median luma of a grid of points inside the card (those inside the image). */
    private static double medianLuma(RgbImage image, CardFrame frame) {
        List<Double> values = new ArrayList<>();
        for (double x = 100; x < CardTemplate.WIDTH - 100; x += 40) {
            for (double y = 80; y < CardTemplate.HEIGHT - 80; y += 40) {
                Point p = frame.cardToImage().apply(new Point(x, y));
                int px = (int) Math.round(p.x()), py = (int) Math.round(p.y());
                if (px >= 0 && py >= 0 && px < image.width() && py < image.height()) {
                    values.add(RgbImage.luma(image.rgb(px, py)));
                }
            }
        }
        if (values.isEmpty()) {
            return 0;
        }
        values.sort(null);
        return values.get(values.size() / 2);
    }
}
