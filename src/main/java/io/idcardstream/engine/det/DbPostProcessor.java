package io.idcardstream.engine.det;

import io.idcardstream.engine.geom.MinAreaRect;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.RotatedRect;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the DB detector's probability map into text boxes: threshold, optional 2×2 dilation, 8-connected
 * components, minimum-area rectangle of each component's outline, score filter, then "unclip" (grow each side by
 * area × ratio / perimeter, which is what PaddleOCR's polygon offset followed by minAreaRect gives for a rectangle).
 * A pure function of the map.
 */
public final class DbPostProcessor {
    /** PaddleOCR's {@code max_candidates}: a card never has this many lines; noise is cut off. */
    static final int MAX_CANDIDATES = 1000;

    private DbPostProcessor() {}

    /**
     * @param probability row-major text probabilities of a {@code width}×{@code height} map
     * @return boxes in map pixels, in the order their components were first met (row-major scan)
     */
    public static List<DetectedBox> boxes(float[] probability, int width, int height, DbParams params) {
        if (probability.length != width * height) {
            throw new IllegalArgumentException("probability must hold width*height = " + width * height
                    + " values but held " + probability.length);
        }
        boolean[] text = bitmap(probability, width, height, params.threshold(), params.dilate());
        int[] label = new int[width * height];
        int[] stack = new int[width * height];
        List<DetectedBox> boxes = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < text.length && next < MAX_CANDIDATES; start++) {
            if (!text[start] || label[start] != 0) {
                continue;
            }
            next++;
            Component component = flood(text, label, stack, probability, width, height, start, next);
            DetectedBox box = toBox(component, params);
            if (box != null) {
                boxes.add(box);
            }
        }
        return boxes;
    }

    static boolean[] bitmap(float[] probability, int width, int height, float threshold, boolean dilate) {
        boolean[] b = new boolean[probability.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = probability[i] > threshold;
        }
        if (!dilate) {
            return b;
        }
        // 2×2 kernel anchored top-left, as cv2.dilate with np.array([[1, 1], [1, 1]]) does.
        boolean[] d = new boolean[b.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                d[i] = b[i] || (x > 0 && b[i - 1]) || (y > 0 && b[i - width]) || (x > 0 && y > 0 && b[i - width - 1]);
            }
        }
        return d;
    }

    private record Component(List<Point> outline, double meanProbability, int pixels) {}

    private static Component flood(boolean[] text, int[] label, int[] stack, float[] probability, int width,
            int height, int start, int id) {
        int[] minX = new int[height];
        int[] maxX = new int[height];
        java.util.Arrays.fill(minX, Integer.MAX_VALUE);
        java.util.Arrays.fill(maxX, Integer.MIN_VALUE);
        int top = 0;
        stack[top++] = start;
        label[start] = id;
        double sum = 0;
        int count = 0;
        int minY = Integer.MAX_VALUE, maxY = Integer.MIN_VALUE;
        while (top > 0) {
            int i = stack[--top];
            int x = i % width, y = i / width;
            sum += probability[i];
            count++;
            minX[y] = Math.min(minX[y], x);
            maxX[y] = Math.max(maxX[y], x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
            for (int dy = -1; dy <= 1; dy++) {
                int ny = y + dy;
                if (ny < 0 || ny >= height) {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    if (nx < 0 || nx >= width) {
                        continue;
                    }
                    int j = ny * width + nx;
                    if (text[j] && label[j] == 0) {
                        label[j] = id;
                        stack[top++] = j;
                    }
                }
            }
        }
        // The leftmost and rightmost pixel of each row span the same convex hull as the whole component.
        List<Point> outline = new ArrayList<>();
        for (int y = minY; y <= maxY; y++) {
            if (minX[y] <= maxX[y]) {
                outline.add(new Point(minX[y], y));
                if (maxX[y] != minX[y]) {
                    outline.add(new Point(maxX[y], y));
                }
            }
        }
        return new Component(outline, sum / count, count);
    }

    private static DetectedBox toBox(Component component, DbParams params) {
        RotatedRect kernel = MinAreaRect.of(component.outline());
        if (kernel.thickness() < params.minSize()) {
            return null;
        }
        if (component.meanProbability() < params.boxThreshold()) {
            return null;
        }
        RotatedRect grown = kernel.grow(unclipDistance(kernel, params.unclipRatio()));
        if (grown.thickness() < params.minSize() + 2) {
            return null;
        }
        return new DetectedBox(grown, (float) component.meanProbability());
    }

    /** PaddleOCR's unclip offset for a rectangle: area × ratio / perimeter. */
    static double unclipDistance(RotatedRect kernel, double ratio) {
        double perimeter = 2 * (kernel.length() + kernel.thickness());
        return perimeter == 0 ? 0 : kernel.length() * kernel.thickness() * ratio / perimeter;
    }
}
