package io.idcardstream.engine.rec;

import io.idcardstream.engine.det.DetectedBox;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.RotatedRect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the detected boxes of an image into clusters of text that lie close together: the rows of one card are
 * about half a line apart, while two cards on a page, a card and the form beside it in a screenshot, or a card and
 * clutter on the desk are separated by several lines' worth of background. Each cluster then gets its own reading
 * direction, so a page whose front is upside down and whose back is upright is read right way up twice.
 *
 * <p>Pure and thread-safe.
 */
public final class TextClusters {
    /** Boxes whose gap is at most this many times the thicker box's thickness belong to one cluster. */
    static final double LINK = 2.0;

    private TextClusters() {}

    /** The clusters as lists of indices into {@code boxes}, in order of their first box. */
    public static List<List<Integer>> of(List<DetectedBox> boxes) {
        int n = boxes.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                RotatedRect a = boxes.get(i).rect(), b = boxes.get(j).rect();
                double reach = LINK * Math.max(a.thickness(), b.thickness());
                if (roughlyWithin(a, b, reach) && Math.min(gap(a, b), gap(b, a)) <= reach) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        Map<Integer, List<Integer>> clusters = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            clusters.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(i);
        }
        return List.copyOf(clusters.values());
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** A quick test that the boxes' centres are not too far apart for any gap to be within {@code reach}. */
    private static boolean roughlyWithin(RotatedRect a, RotatedRect b, double reach) {
        double most = (a.length() + a.thickness() + b.length() + b.thickness()) / 2 + reach;
        return a.center().distanceTo(b.center()) <= most;
    }

    /**
     * The distance from rectangle {@code a} to the nearest of {@code b}'s corners and edge midpoints: for the
     * near-parallel boxes of text lines this is the gap between them.
     */
    static double gap(RotatedRect a, RotatedRect b) {
        double ca = Math.cos(a.angle()), sa = Math.sin(a.angle());
        double cb = Math.cos(b.angle()), sb = Math.sin(b.angle());
        double best = Double.POSITIVE_INFINITY;
        for (double u = -1; u <= 1; u += 1) {
            for (double v = -1; v <= 1; v += 1) {
                if (u == 0 && v == 0) {
                    continue;
                }
                Point p = new Point(b.center().x() + cb * u * b.length() / 2 - sb * v * b.thickness() / 2,
                        b.center().y() + sb * u * b.length() / 2 + cb * v * b.thickness() / 2);
                double dx = p.x() - a.center().x(), dy = p.y() - a.center().y();
                double along = Math.abs(dx * ca + dy * sa) - a.length() / 2;
                double across = Math.abs(-dx * sa + dy * ca) - a.thickness() / 2;
                best = Math.min(best, Math.hypot(Math.max(0, along), Math.max(0, across)));
            }
        }
        return best;
    }
}
