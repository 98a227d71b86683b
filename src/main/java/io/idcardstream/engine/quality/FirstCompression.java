package io.idcardstream.engine.quality;

import java.util.Arrays;

/**
 * The first compression of a JPEG saved twice on the same 8 × 8 grid, read from the histogram of one DCT frequency.
 * A first quantisation with step {@code first} leaves multiples of it; a second, finer one with {@code step} writes
 * them as {@code m · first / step} rounded, so some integers can never be written and stay empty wherever the image
 * went through both (Lin et al. 2009, "Fast, automatic and fine-grained tampered JPEG image detection via DCT
 * coefficient analysis", the aligned case). Pure and thread-safe.
 */
final class FirstCompression {
    /** Values above this are too rare to count. */
    static final int LARGEST = 200;
    /** A step's unreachable values at most this full (against their neighbours): the first step is known. */
    static final double GAP = 0.4;
    /** Candidates this close to the emptiest count as fitting as well; the largest of them is the step. */
    private static final double TIE = 0.05;
    private static final int MIN_COEFFICIENTS = 200, MIN_NEIGHBOURS = 100;

    /** A frequency's first step ({@code 0}: none found) and how full its unreachable values are (0–1). */
    record Fit(int first, double fullness) {
        static final Fit NONE = new Fit(0, 1);

        boolean found() {
            return first > 0;
        }
    }

    private FirstCompression() {}

    /**
     * The first step that leaves the emptiest gaps in {@code counts} (the number of coefficients with each absolute
     * value, 1..{@link #LARGEST}), if any leaves them at most {@link #GAP} as full. A divisor of the true step leaves
     * a subset of its gaps, as empty, so among the steps that fit about as well the largest is taken.
     */
    static Fit fit(int[] counts, int step) {
        if (Arrays.stream(counts).sum() < MIN_COEFFICIENTS) {
            return Fit.NONE;
        }
        int candidates = Math.min(255, 8 * step);
        double[] fullness = new double[candidates + 1];
        double emptiest = 1;
        for (int first = step + 1; first <= candidates; first++) {
            double in = 0, neighbours = 0;
            for (int k = lowest(step); k <= LARGEST; k++) {
                if (!reachable(k, first, step)) {
                    in += counts[k];
                    neighbours += (counts[k - 1] + counts[k + 1]) / 2.0;
                }
            }
            fullness[first] = neighbours < MIN_NEIGHBOURS ? 1 : in / neighbours;
            emptiest = Math.min(emptiest, fullness[first]);
        }
        if (emptiest > GAP) {
            return Fit.NONE;
        }
        for (int first = candidates; first > step; first--) {
            if (fullness[first] <= emptiest + TIE) {
                return new Fit(first, fullness[first]);
            }
        }
        return Fit.NONE;
    }

    /**
     * The smallest value worth testing: with a step of 1 or 2 the decoded pixels' rounding spills coefficients of
     * 0 into 1, so 1 says nothing about the first step.
     */
    static int lowest(int step) {
        return step <= 2 ? 2 : 1;
    }

    /**
     * Whether a second quantisation with {@code step} can write {@code k} after a first one with {@code first}:
     * {@code k} is within half a step (and a little, for values on a rounding tie, which the pixels' rounding splits)
     * of some {@code m · first / step}. With a step of 1 the pixels' rounding can move a value by one, so the
     * neighbours of a reachable value count.
     */
    static boolean reachable(int k, int first, int step) {
        double ratio = (double) first / step;
        long m = Math.round(k / ratio);
        double tolerance = step == 1 ? 1.0 : 0.55;
        for (long candidate = Math.max(0, m - 1); candidate <= m + 1; candidate++) {
            if (Math.abs(k - candidate * ratio) <= tolerance) {
                return true;
            }
        }
        return false;
    }
}
