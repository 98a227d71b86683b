package io.idcardstream.engine.geom;

import java.util.List;
import java.util.Objects;

/**
 * A quadrilateral given by its corners in reading order: top-left, top-right, bottom-right, bottom-left of
 * whatever it frames (a text line, a card), which need not be the image's top-left when the content is rotated.
 */
public record Quad(Point topLeft, Point topRight, Point bottomRight, Point bottomLeft) {

    public Quad {
        Objects.requireNonNull(topLeft, "topLeft");
        Objects.requireNonNull(topRight, "topRight");
        Objects.requireNonNull(bottomRight, "bottomRight");
        Objects.requireNonNull(bottomLeft, "bottomLeft");
    }

    /** An axis-aligned rectangle. */
    public static Quad rectangle(double left, double top, double right, double bottom) {
        return new Quad(new Point(left, top), new Point(right, top), new Point(right, bottom), new Point(left, bottom));
    }

    /** From {@code x0,y0,x1,y1,x2,y2,x3,y3} in the order tl, tr, br, bl. */
    public static Quad of(double[] corners) {
        if (corners.length != 8) {
            throw new IllegalArgumentException("corners must hold 8 numbers but held " + corners.length);
        }
        return new Quad(new Point(corners[0], corners[1]), new Point(corners[2], corners[3]),
                new Point(corners[4], corners[5]), new Point(corners[6], corners[7]));
    }

    public double[] toArray() {
        return new double[] {
            topLeft.x(), topLeft.y(), topRight.x(), topRight.y(),
            bottomRight.x(), bottomRight.y(), bottomLeft.x(), bottomLeft.y()
        };
    }

    public List<Point> corners() {
        return List.of(topLeft, topRight, bottomRight, bottomLeft);
    }

    public Point center() {
        return new Point((topLeft.x() + topRight.x() + bottomRight.x() + bottomLeft.x()) / 4,
                (topLeft.y() + topRight.y() + bottomRight.y() + bottomLeft.y()) / 4);
    }

    /** Mean length of the top and bottom edges: the extent along the reading direction. */
    public double width() {
        return (topLeft.distanceTo(topRight) + bottomLeft.distanceTo(bottomRight)) / 2;
    }

    /** Mean length of the left and right edges. */
    public double height() {
        return (topLeft.distanceTo(bottomLeft) + topRight.distanceTo(bottomRight)) / 2;
    }

    /** Direction of the reading axis (top-left to top-right, bottom edge included), in radians, image y down. */
    public double angle() {
        double dx = (topRight.x() - topLeft.x()) + (bottomRight.x() - bottomLeft.x());
        double dy = (topRight.y() - topLeft.y()) + (bottomRight.y() - bottomLeft.y());
        return Math.atan2(dy, dx);
    }

    /**
     * The same four points with corner {@code index} (0 = tl, 1 = tr, 2 = br, 3 = bl) as the new top-left and the
     * order kept clockwise: how a box's corners are renamed when its content turns out to be rotated.
     */
    public Quad startingAt(int index) {
        List<Point> c = corners();
        int shift = Math.floorMod(index, 4);
        return new Quad(c.get(shift), c.get((shift + 1) % 4), c.get((shift + 2) % 4), c.get((shift + 3) % 4));
    }

    /** Every corner mapped through {@code h}. */
    public Quad map(Homography h) {
        return new Quad(h.apply(topLeft), h.apply(topRight), h.apply(bottomRight), h.apply(bottomLeft));
    }

    /** Every corner scaled about the origin. */
    public Quad scale(double sx, double sy) {
        return new Quad(new Point(topLeft.x() * sx, topLeft.y() * sy), new Point(topRight.x() * sx, topRight.y() * sy),
                new Point(bottomRight.x() * sx, bottomRight.y() * sy), new Point(bottomLeft.x() * sx, bottomLeft.y() * sy));
    }

    /** Area by the shoelace formula (positive for either winding). */
    public double area() {
        List<Point> c = corners();
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            Point a = c.get(i);
            Point b = c.get((i + 1) % 4);
            sum += a.x() * b.y() - b.x() * a.y();
        }
        return Math.abs(sum) / 2;
    }

    /** Whether {@code p} lies inside (or on) this convex quad. */
    public boolean contains(Point p) {
        List<Point> c = corners();
        int sign = 0;
        for (int i = 0; i < 4; i++) {
            Point a = c.get(i);
            Point b = c.get((i + 1) % 4);
            double cross = (b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x());
            if (cross != 0) {
                int s = cross > 0 ? 1 : -1;
                if (sign == 0) {
                    sign = s;
                } else if (s != sign) {
                    return false;
                }
            }
        }
        return true;
    }
}
