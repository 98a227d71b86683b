package io.idcardstream.engine.rec;

import io.idcardstream.engine.det.DetectedBox;
import io.idcardstream.engine.geom.RotatedRect;
import java.util.List;

/**
 * Which way the text on a page runs, from the detected boxes alone: the axis (modulo 180°) is the length-weighted
 * mean direction of the elongated boxes, averaged on doubled angles so that −89° and +89° agree. Which end of the
 * axis is the start of the line is decided afterwards by the direction classifier.
 */
public final class TextOrientation {
    /** Boxes at least this many times longer than thick say which way the lines run; squarer ones do not. */
    static final double MIN_ELONGATION = 2.0;

    private TextOrientation() {}

    /** Whether any box is elongated enough to say which way its text runs. */
    public static boolean hasElongated(List<DetectedBox> boxes) {
        return boxes.stream().anyMatch(b -> b.rect().length() >= MIN_ELONGATION * b.rect().thickness());
    }

    /**
     * @return the reading axis in radians in (−π/2, π/2], or 0 when no box is elongated (nothing to go by)
     */
    public static double axis(List<DetectedBox> boxes) {
        double sx = 0, sy = 0;
        for (DetectedBox box : boxes) {
            RotatedRect r = box.rect();
            if (r.length() >= MIN_ELONGATION * r.thickness()) {
                double weight = r.length();
                sx += weight * Math.cos(2 * r.angle());
                sy += weight * Math.sin(2 * r.angle());
            }
        }
        if (sx == 0 && sy == 0) {
            return 0;
        }
        double axis = Math.atan2(sy, sx) / 2;
        return axis <= -Math.PI / 2 ? axis + Math.PI : axis;
    }
}
