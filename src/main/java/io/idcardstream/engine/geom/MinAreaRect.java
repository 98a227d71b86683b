package io.idcardstream.engine.geom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The smallest rectangle around a set of points (convex hull, then one candidate per hull edge). */
public final class MinAreaRect {
    private MinAreaRect() {}

    /** @throws IllegalArgumentException when {@code points} is empty */
    public static RotatedRect of(List<Point> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("points must not be empty");
        }
        List<Point> hull = convexHull(points);
        if (hull.size() == 1) {
            return new RotatedRect(hull.get(0), 0, 0, 0);
        }
        RotatedRect best = null;
        double bestArea = Double.POSITIVE_INFINITY;
        for (int i = 0; i < hull.size(); i++) {
            Point a = hull.get(i);
            Point b = hull.get((i + 1) % hull.size());
            double angle = Math.atan2(b.y() - a.y(), b.x() - a.x());
            double ca = Math.cos(angle), sa = Math.sin(angle);
            double minU = Double.POSITIVE_INFINITY, maxU = Double.NEGATIVE_INFINITY;
            double minV = Double.POSITIVE_INFINITY, maxV = Double.NEGATIVE_INFINITY;
            for (Point p : hull) {
                double u = p.x() * ca + p.y() * sa;
                double v = -p.x() * sa + p.y() * ca;
                minU = Math.min(minU, u);
                maxU = Math.max(maxU, u);
                minV = Math.min(minV, v);
                maxV = Math.max(maxV, v);
            }
            double area = (maxU - minU) * (maxV - minV);
            if (area < bestArea - 1e-9) {
                bestArea = area;
                double cu = (minU + maxU) / 2, cv = (minV + maxV) / 2;
                Point center = new Point(cu * ca - cv * sa, cu * sa + cv * ca);
                best = new RotatedRect(center, maxU - minU, maxV - minV, angle);
            }
        }
        return best.longSideFirst();
    }

    /** Andrew's monotone chain; the hull runs counter-clockwise in a y-up frame, without repeated points. */
    static List<Point> convexHull(List<Point> points) {
        Point[] sorted = points.toArray(new Point[0]);
        Arrays.sort(sorted, Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
        List<Point> hull = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            int start = hull.size();
            for (int k = 0; k < sorted.length; k++) {
                Point p = sorted[pass == 0 ? k : sorted.length - 1 - k];
                while (hull.size() >= start + 2 && cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p) <= 0) {
                    hull.remove(hull.size() - 1);
                }
                hull.add(p);
            }
            hull.remove(hull.size() - 1);
        }
        if (hull.isEmpty()) {
            hull.add(sorted[0]);
        }
        return hull;
    }

    private static double cross(Point o, Point a, Point b) {
        return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
    }
}
