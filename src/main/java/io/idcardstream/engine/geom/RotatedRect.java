package io.idcardstream.engine.geom;

/**
 * A rectangle at any angle: its centre, its extent along {@code angle} ({@code length}) and across it
 * ({@code thickness}). Angles are in radians, image y pointing down.
 */
public record RotatedRect(Point center, double length, double thickness, double angle) {

    public RotatedRect {
        if (!(length >= 0 && thickness >= 0)) {
            throw new IllegalArgumentException("length and thickness must be >= 0 but were " + length + ", " + thickness);
        }
    }

    /** The same rectangle described with its longer side as the length, the angle folded into (-π/2, π/2]. */
    public RotatedRect longSideFirst() {
        RotatedRect r = length >= thickness ? this : new RotatedRect(center, thickness, length, angle + Math.PI / 2);
        return new RotatedRect(r.center, r.length, r.thickness, foldHalfTurn(r.angle));
    }

    /** Grown by {@code distance} on every side. */
    public RotatedRect grow(double distance) {
        return new RotatedRect(center, length + 2 * distance, thickness + 2 * distance, angle);
    }

    public RotatedRect scale(double sx, double sy) {
        // Exact for axis-parallel scaling of an axis-aligned rectangle; for small anisotropy and any angle it is
        // the usual approximation (the detector input keeps the aspect ratio to within the 32-pixel rounding).
        double ca = Math.cos(angle), sa = Math.sin(angle);
        double length2 = Math.hypot(length * ca * sx, length * sa * sy);
        double thickness2 = Math.hypot(-thickness * sa * sx, thickness * ca * sy);
        double angle2 = Math.atan2(sa * sy, ca * sx);
        return new RotatedRect(new Point(center.x() * sx, center.y() * sy), length2, thickness2, angle2);
    }

    /**
     * The corners named for content that reads along direction {@code readingAngle}: the rectangle's sides are
     * matched to the reading axis whichever of them lies closer to it.
     */
    public Quad toQuad(double readingAngle) {
        double ca = Math.cos(angle), sa = Math.sin(angle);
        double hl = length / 2, ht = thickness / 2;
        Point[] corners = {
            new Point(center.x() - ca * hl + sa * ht, center.y() - sa * hl - ca * ht),
            new Point(center.x() + ca * hl + sa * ht, center.y() + sa * hl - ca * ht),
            new Point(center.x() + ca * hl - sa * ht, center.y() + sa * hl + ca * ht),
            new Point(center.x() - ca * hl - sa * ht, center.y() - sa * hl + ca * ht)
        };
        // In the reading frame (rotated by -readingAngle) the top-left corner has the smallest x + y.
        double cr = Math.cos(-readingAngle), sr = Math.sin(-readingAngle);
        int best = 0;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            double dx = corners[i].x() - center.x(), dy = corners[i].y() - center.y();
            double score = (dx * cr - dy * sr) + (dx * sr + dy * cr);
            if (score < bestScore) {
                bestScore = score;
                best = i;
            }
        }
        // The corners above run clockwise on screen (y down), which is the Quad order.
        return new Quad(corners[best], corners[(best + 1) % 4], corners[(best + 2) % 4], corners[(best + 3) % 4]);
    }

    static double foldHalfTurn(double a) {
        double r = a % Math.PI;
        if (r <= -Math.PI / 2) {
            r += Math.PI;
        } else if (r > Math.PI / 2) {
            r -= Math.PI;
        }
        return r;
    }
}
