package io.idcardstream.engine;

import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.image.ImageOps;
import io.idcardstream.engine.image.RgbImage;
import io.idcardstream.engine.text.RecognizedLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The text of an image turned upright and brought to the size the detector reads best, for a second reading when
 * the first found no card: a card skewed by tens of degrees is detected in fragments (its small labels not at
 * all), and small text loses its labels the same way. The view is the region around the text read so far, rotated
 * by the lines' reading direction (any angle) and scaled so that lines are about {@link #LINE_HEIGHT} pixels high.
 *
 * <p>Pure and thread-safe.
 */
record TurnedPage(RgbImage image, Homography toImage) {
    /** Line boxes on a card straightened at template scale (text about 27 pixels high) are this high. */
    static final double LINE_HEIGHT = 34;
    /** Text is enlarged at most this much: beyond it the view only adds pixels, not detail. */
    static final double MAX_SCALE = 3;
    /** The view's longer side; the detector reduces anything larger to 960 pixels anyway. */
    static final int MAX_SIDE = 1280;
    /** Around the text read so far, this many line heights of margin: the labels left of the values, the card edge. */
    static final double MARGIN_LINES = 5;
    /** Lines read at least this surely say which way the text runs. */
    static final float SURE_LINE = 0.8f;
    /** What pixels outside the image become. */
    private static final int OUTSIDE = 0xFFFFFF;

    /** The view, or empty when too little was read to know where the text is or which way it runs. */
    static Optional<TurnedPage> of(RgbImage image, List<RecognizedLine> lines) {
        List<RecognizedLine> sure = lines.stream()
                .filter(l -> l.decoded().confidence() >= SURE_LINE && l.text().codePointCount(0, l.text().length()) >= 2)
                .toList();
        if (sure.isEmpty()) {
            return Optional.empty();
        }
        double angle = readingDirection(sure);
        double height = sure.stream().map(l -> l.box().height()).sorted(Comparator.naturalOrder())
                .toList().get(sure.size() / 2);
        double scale = Math.max(1, Math.min(MAX_SCALE, LINE_HEIGHT / Math.max(1, height)));
        Homography turn = rotation(-angle);
        double left = Double.POSITIVE_INFINITY, top = Double.POSITIVE_INFINITY;
        double right = Double.NEGATIVE_INFINITY, bottom = Double.NEGATIVE_INFINITY;
        for (RecognizedLine line : lines) {
            for (Point corner : line.box().map(turn).corners()) {
                left = Math.min(left, corner.x());
                right = Math.max(right, corner.x());
                top = Math.min(top, corner.y());
                bottom = Math.max(bottom, corner.y());
            }
        }
        double margin = MARGIN_LINES * height;
        Quad region = Quad.rectangle(left - margin, top - margin, right + margin, bottom + margin);
        scale = Math.min(scale, MAX_SIDE / Math.max(region.width(), region.height()));
        int width = (int) Math.round(region.width() * scale);
        int heightPx = (int) Math.round(region.height() * scale);
        if (width < 32 || heightPx < 32) {
            return Optional.empty();
        }
        Quad output = Quad.rectangle(-0.5, -0.5, width - 0.5, heightPx - 0.5);
        Homography viewToImage = rotation(angle).after(Homography.quadToQuad(output, region));
        return Optional.of(new TurnedPage(ImageOps.warp(image, viewToImage, width, heightPx, OUTSIDE), viewToImage));
    }

    /** Lines read in the view, placed back in the image. */
    List<RecognizedLine> inImage(List<RecognizedLine> lines) {
        List<RecognizedLine> placed = new ArrayList<>(lines.size());
        for (RecognizedLine line : lines) {
            placed.add(new RecognizedLine(line.box().map(toImage), line.decoded()));
        }
        return placed;
    }

    /** The length-weighted mean direction (radians, image y down) from each line's start to its end. */
    static double readingDirection(List<RecognizedLine> lines) {
        double sx = 0, sy = 0;
        for (RecognizedLine line : lines) {
            Quad box = line.box();
            Point start = box.topLeft().towards(box.bottomLeft(), 0.5);
            Point end = box.topRight().towards(box.bottomRight(), 0.5);
            sx += end.x() - start.x();
            sy += end.y() - start.y();
        }
        return Math.atan2(sy, sx);
    }

    private static Homography rotation(double radians) {
        double c = Math.cos(radians), s = Math.sin(radians);
        return Homography.of(new double[] {c, -s, 0, s, c, 0, 0, 0, 1});
    }
}
