package io.idcardstream.engine.geom;

import java.util.List;

/**
 * A plane projective transform (3×3 matrix, row-major, normalised so the last entry is 1), used to map between
 * an image and a card template, or between a text box and its upright crop.
 */
public final class Homography {
    private final double[] m;

    private Homography(double[] m) {
        this.m = m;
    }

    /** A pair of points that should map onto each other: {@code from} in the source frame, {@code to} in the target. */
    public record Correspondence(Point from, Point to) {}

    public static Homography identity() {
        return new Homography(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    }

    /** Translation by (dx, dy) after scaling by (sx, sy). */
    public static Homography scaleThenTranslate(double sx, double sy, double dx, double dy) {
        return new Homography(new double[] {sx, 0, dx, 0, sy, dy, 0, 0, 1});
    }

    public static Homography of(double[] rowMajor3x3) {
        if (rowMajor3x3.length != 9) {
            throw new IllegalArgumentException("a homography has 9 entries but got " + rowMajor3x3.length);
        }
        return new Homography(normalise(rowMajor3x3.clone()));
    }

    /** The transform taking the four corners of {@code from} exactly onto those of {@code to}. */
    public static Homography quadToQuad(Quad from, Quad to) {
        List<Point> a = from.corners();
        List<Point> b = to.corners();
        return fit(List.of(new Correspondence(a.get(0), b.get(0)), new Correspondence(a.get(1), b.get(1)),
                new Correspondence(a.get(2), b.get(2)), new Correspondence(a.get(3), b.get(3))));
    }

    /**
     * Least-squares fit (direct linear transform with h33 = 1, on coordinates normalised to zero mean and unit
     * spread for numerical stability) of at least four correspondences, no three of them collinear.
     *
     * @throws IllegalArgumentException with fewer than four points, or when they are degenerate (e.g. collinear)
     */
    public static Homography fit(List<Correspondence> pairs) {
        if (pairs.size() < 4) {
            throw new IllegalArgumentException("a homography needs at least 4 correspondences but got " + pairs.size());
        }
        double[] nFrom = normaliser(pairs.stream().map(Correspondence::from).toList());
        double[] nTo = normaliser(pairs.stream().map(Correspondence::to).toList());
        double[][] ata = new double[8][8];
        double[] atb = new double[8];
        for (Correspondence pair : pairs) {
            double x = (pair.from().x() - nFrom[0]) * nFrom[2];
            double y = (pair.from().y() - nFrom[1]) * nFrom[2];
            double u = (pair.to().x() - nTo[0]) * nTo[2];
            double v = (pair.to().y() - nTo[1]) * nTo[2];
            accumulate(ata, atb, new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y}, u);
            accumulate(ata, atb, new double[] {0, 0, 0, x, y, 1, -v * x, -v * y}, v);
        }
        double[] h = LinearSystem.solve(ata, atb);
        double[] normalised = {h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1};
        // Undo the normalisation: H = T_to^-1 · Hn · T_from.
        double[] tFrom = {nFrom[2], 0, -nFrom[0] * nFrom[2], 0, nFrom[2], -nFrom[1] * nFrom[2], 0, 0, 1};
        double[] tToInverse = {1 / nTo[2], 0, nTo[0], 0, 1 / nTo[2], nTo[1], 0, 0, 1};
        return new Homography(normalise(multiply(tToInverse, multiply(normalised, tFrom))));
    }

    /**
     * Least-squares affine fit (six unknowns) of at least three non-collinear correspondences: the fallback when
     * too few anchors are spread out for a full perspective fit.
     */
    public static Homography fitAffine(List<Correspondence> pairs) {
        if (pairs.size() < 3) {
            throw new IllegalArgumentException("an affine transform needs at least 3 correspondences but got "
                    + pairs.size());
        }
        double[][] ata = new double[3][3];
        double[] atbX = new double[3];
        double[] atbY = new double[3];
        for (Correspondence pair : pairs) {
            double[] row = {pair.from().x(), pair.from().y(), 1};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    ata[i][j] += row[i] * row[j];
                }
                atbX[i] += row[i] * pair.to().x();
                atbY[i] += row[i] * pair.to().y();
            }
        }
        double[] a = LinearSystem.solve(copy(ata), atbX);
        double[] b = LinearSystem.solve(copy(ata), atbY);
        return new Homography(new double[] {a[0], a[1], a[2], b[0], b[1], b[2], 0, 0, 1});
    }

    /**
     * Least-squares similarity fit (rotation, uniform scale, translation: four unknowns) of at least two distinct
     * correspondences: enough to place a card from one row of anchors, such as the ID number's digits.
     */
    public static Homography fitSimilarity(List<Correspondence> pairs) {
        if (pairs.size() < 2) {
            throw new IllegalArgumentException("a similarity transform needs at least 2 correspondences but got "
                    + pairs.size());
        }
        // u = a·x − b·y + tx, v = b·x + a·y + ty, unknowns (a, b, tx, ty).
        double[][] ata = new double[4][4];
        double[] atb = new double[4];
        for (Correspondence pair : pairs) {
            double x = pair.from().x(), y = pair.from().y();
            double[] rowU = {x, -y, 1, 0};
            double[] rowV = {y, x, 0, 1};
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    ata[i][j] += rowU[i] * rowU[j] + rowV[i] * rowV[j];
                }
                atb[i] += rowU[i] * pair.to().x() + rowV[i] * pair.to().y();
            }
        }
        double[] s = LinearSystem.solve(ata, atb);
        return new Homography(new double[] {s[0], -s[1], s[2], s[1], s[0], s[3], 0, 0, 1});
    }

    public Point apply(Point p) {
        double w = m[6] * p.x() + m[7] * p.y() + m[8];
        return new Point((m[0] * p.x() + m[1] * p.y() + m[2]) / w, (m[3] * p.x() + m[4] * p.y() + m[5]) / w);
    }

    /** This transform applied after {@code first}. */
    public Homography after(Homography first) {
        return new Homography(normalise(multiply(m, first.m)));
    }

    public Homography inverse() {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double ei = e * i - f * h, fg = f * g - d * i, dh = d * h - e * g;
        double det = a * ei + b * fg + c * dh;
        if (Math.abs(det) < 1e-12) {
            throw new IllegalStateException("the homography is singular and has no inverse");
        }
        return new Homography(normalise(new double[] {
            ei / det, (c * h - b * i) / det, (b * f - c * e) / det,
            fg / det, (a * i - c * g) / det, (c * d - a * f) / det,
            dh / det, (b * g - a * h) / det, (a * e - b * d) / det
        }));
    }

    /** The matrix, row-major. */
    public double[] matrix() {
        return m.clone();
    }

    private static void accumulate(double[][] ata, double[] atb, double[] row, double rhs) {
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                ata[i][j] += row[i] * row[j];
            }
            atb[i] += row[i] * rhs;
        }
    }

    /** Mean x, mean y and the scale that makes the mean distance from the mean √2. */
    private static double[] normaliser(List<Point> points) {
        double mx = points.stream().mapToDouble(Point::x).average().orElse(0);
        double my = points.stream().mapToDouble(Point::y).average().orElse(0);
        double spread = points.stream().mapToDouble(p -> Math.hypot(p.x() - mx, p.y() - my)).average().orElse(0);
        if (spread < 1e-9) {
            throw new IllegalArgumentException("the points of a homography fit all coincide");
        }
        return new double[] {mx, my, Math.sqrt(2) / spread};
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] r = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                r[row * 3 + col] = a[row * 3] * b[col] + a[row * 3 + 1] * b[3 + col] + a[row * 3 + 2] * b[6 + col];
            }
        }
        return r;
    }

    private static double[] normalise(double[] h) {
        if (Math.abs(h[8]) < 1e-15) {
            throw new IllegalArgumentException("a homography with h33 = 0 maps the origin to infinity");
        }
        double s = h[8];
        for (int i = 0; i < 9; i++) {
            h[i] /= s;
        }
        return h;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
