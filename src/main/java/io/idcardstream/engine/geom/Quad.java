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

    /** Mean length of the top and bottom edges: the extent along the reading direction. */
    public double width() {
        return (topLeft.distanceTo(topRight) + bottomLeft.distanceTo(bottomRight)) / 2;
    }

    /** Mean length of the left and right edges. */
    public double height() {
        return (topLeft.distanceTo(bottomLeft) + topRight.distanceTo(bottomRight)) / 2;
    }

    /** Every corner mapped through {@code h}. */
    public Quad map(Homography h) {
        return new Quad(h.apply(topLeft), h.apply(topRight), h.apply(bottomRight), h.apply(bottomLeft));
    }
}
