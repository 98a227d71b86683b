package io.idcardstream.engine.synthetic;

/**
 * A plane projective transform fitted exactly to four point pairs (h33 = 1), for placing a flat card in a photo.
 * Immutable.
 */
final class Homography {

    private final double[] h;

    private Homography(double[] h) {
        this.h = h;
    }

    /**
     * The transform taking each {@code from} corner to the matching {@code to} corner.
     *
     * @param from four points as {@code x0,y0,...,x3,y3}
     * @param to four points as {@code x0,y0,...,x3,y3}
     */
    static Homography mapping(double[] from, double[] to) {
        if (from.length != 8 || to.length != 8) {
            throw new IllegalArgumentException("from and to must hold 8 numbers (4 points) but held "
                    + from.length + " and " + to.length);
        }
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[2 * i];
            double y = from[2 * i + 1];
            double u = to[2 * i];
            double v = to[2 * i + 1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        return new Homography(solve(a));
    }

    Homography inverse() {
        double a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
        double[] adj = {
            e - f * k, c * k - b, b * f - c * e,
            f * g - d, a - c * g, c * d - a * f,
            d * k - e * g, b * g - a * k, a * e - b * d};
        double scale = adj[8];
        if (Math.abs(scale) < 1e-12) {
            throw new IllegalStateException("homography has no normalisable inverse (its inverse maps to infinity)");
        }
        double[] inv = new double[8];
        for (int i = 0; i < 8; i++) {
            inv[i] = adj[i] / scale;
        }
        return new Homography(inv);
    }

    /** Maps one point; returns {@code x,y}. */
    double[] map(double x, double y) {
        double w = h[6] * x + h[7] * y + 1;
        return new double[] {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
    }

    private static double[] solve(double[][] a) {
        int n = 8;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                throw new IllegalArgumentException("corners are degenerate: no homography maps them onto each other");
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = 0; row < n; row++) {
                if (row != col) {
                    double factor = a[row][col] / a[col][col];
                    for (int k = col; k <= n; k++) {
                        a[row][k] -= factor * a[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }
}
