package io.idcardstream.engine.geom;

/** A point in some pixel frame (image, detector input, or card template). */
public record Point(double x, double y) {

    public double distanceTo(Point other) {
        return Math.hypot(other.x - x, other.y - y);
    }

    /** The point between this one and {@code other} at fraction {@code t} (0 = this, 1 = other). */
    public Point towards(Point other, double t) {
        return new Point(x + (other.x - x) * t, y + (other.y - y) * t);
    }
}
