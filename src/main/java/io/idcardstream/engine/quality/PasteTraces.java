package io.idcardstream.engine.quality;

import java.util.Arrays;
import java.util.Optional;

/**
 * A sign for {@code DetectPsWarn} (-9106) in a JPEG's compression history: a region pasted into a JPEG that is then
 * saved again was compressed once, while the rest of the image was compressed twice. A second compression on the
 * same 8 × 8 grid with a finer step {@code q2} than the first one's {@code q1} can only produce the integers
 * {@code round(m · q1 / q2)}; the others stay empty in the histogram of each frequency (Lin et al. 2009, "Fast,
 * automatic and fine-grained tampered JPEG image detection via DCT coefficient analysis", the aligned double-JPEG
 * case). So:
 * <ol>
 *   <li>for each low or middle frequency, the first step {@code q1} is the one whose unreachable values are the
 *       emptiest compared with their neighbours (at most {@link #GAP} as full);
 *   <li>each block's coefficients that fall on unreachable values are counted;
 *   <li>a window of {@link #WINDOW_COLUMNS} × {@link #WINDOW_ROWS} blocks (a field's line) where they are far more
 *       frequent than in the whole image — the binomial log-likelihood ratio at least {@link #PASTED_ABOVE}, and
 *       {@link #CONTRAST} times the strongest window on other lines — was pasted in after the first compression.
 * </ol>
 * The history is {@link Measure#historySeen() seen} when at least {@link #CLEAR_FREQUENCIES} frequencies have
 * nearly empty gaps ({@link #CLEAR_GAP}): then a field pasted after the first compression would stand out, and an
 * image where none does was checked. Not seen: an image compressed once (a paste made before that compression leaves
 * no trace), re-saved at the same or a coarser quality, resized or cropped off the grid after editing, or not a JPEG
 * at all; the warning is then reported not checked. Thresholds and their provenance: docs/engine.md and
 * BENCHMARKS.md ("Warnings (issue 12)").
 *
 * <p>Pure and thread-safe; costs one decode of the JPEG and a DCT per block, so it runs only when asked.
 */
public final class PasteTraces {
    /** A frequency's unreachable values at most this full (against their neighbours): its first step is known. */
    static final double GAP = 0.4;
    /** ... and at most this full: the first compression is plain there, as it is on an image nobody pasted into. */
    static final double CLEAR_GAP = 0.1;
    static final int CLEAR_FREQUENCIES = 12;
    static final int WINDOW_COLUMNS = 16, WINDOW_ROWS = 3;
    /** Fewer coefficients tested in a window say nothing. */
    static final int WINDOW_MIN_TESTED = 30;
    static final double PASTED_ABOVE = 60;
    /** ... and this many times stronger than any window on other lines: a screen's moiré is strong everywhere. */
    static final double CONTRAST = 5;
    private static final int LARGEST = 200;
    private static final int MIN_COEFFICIENTS = 200, MIN_NEIGHBOURS = 100;

    private PasteTraces() {}

    /**
     * @param gapped how many frequencies show a first compression's gaps (at most {@link #GAP} as full)
     * @param historySeen whether an earlier compression shows everywhere, so a pasted region would stand out
     * @param score the strongest window's log-likelihood ratio (0 when none)
     * @param elsewhere the strongest window's on other lines
     * @param left the strongest window, in the stored image's pixels (before any EXIF turn); meaningful when
     *     {@link #pasted()}
     * @param width the stored image's size
     */
    public record Measure(int gapped, boolean historySeen, double score, double elsewhere, int left, int top,
            int right, int bottom, int width, int height) {
        static final Measure NOTHING = new Measure(0, false, 0, 0, 0, 0, 0, 0, 0, 0);

        public boolean pasted() {
            return score >= PASTED_ABOVE && score >= CONTRAST * (elsewhere + 1);
        }

        /** 0–1: 0.5 at the threshold, 1 at twice it. */
        public double strength() {
            return Math.min(1, score / (2 * PASTED_ABOVE));
        }
    }

    public static Measure measure(byte[] jpeg) {
        Optional<JpegLumaBlocks> read = JpegLumaBlocks.read(jpeg);
        if (read.isEmpty()) {
            return Measure.NOTHING;
        }
        JpegLumaBlocks blocks = read.get();
        int[] firstSteps = new int[JpegLumaBlocks.FREQUENCIES];
        int clear = 0, gapped = 0;
        for (int f = 0; f < JpegLumaBlocks.FREQUENCIES; f++) {
            double[] fit = firstStep(histogram(blocks, f), blocks.steps[f]);
            firstSteps[f] = (int) fit[0];
            gapped += fit[0] > 0 ? 1 : 0;
            if (fit[0] > 0 && fit[1] <= CLEAR_GAP) {
                clear++;
            }
        }
        return strongestWindow(blocks, firstSteps, gapped, clear >= CLEAR_FREQUENCIES);
    }

    private static int[] histogram(JpegLumaBlocks blocks, int f) {
        int[] counts = new int[LARGEST + 2];
        for (int row = 0; row < blocks.rows; row++) {
            for (int column = 0; column < blocks.columns; column++) {
                int k = Math.abs(blocks.at(column, row, f));
                if (!blocks.leftOut(column, row) && k > 0 && k <= LARGEST) {
                    counts[k]++;
                }
            }
        }
        return counts;
    }

    /** {first step, how full its unreachable values are}; {0, 1} when no step leaves gaps. */
    static double[] firstStep(int[] counts, int step) {
        if (Arrays.stream(counts).sum() < MIN_COEFFICIENTS) {
            return new double[] {0, 1};
        }
        int best = 0;
        double bestFullness = 1, bestNeighbours = 0;
        for (int first = step + 1; first <= Math.min(255, 8 * step); first++) {
            double in = 0, neighbours = 0;
            for (int k = 1; k <= LARGEST; k++) {
                if (!reachable(k, first, step)) {
                    in += counts[k];
                    neighbours += (counts[k == 1 ? 2 : k - 1] + counts[k + 1]) / 2.0;
                }
            }
            if (neighbours < MIN_NEIGHBOURS) {
                continue;
            }
            double fullness = in / neighbours;
            boolean emptier = fullness < bestFullness - 0.02;
            boolean asEmptyButMore = fullness < bestFullness + 0.02 && neighbours > bestNeighbours;
            if (fullness < GAP && (emptier || asEmptyButMore)) {
                best = first;
                bestFullness = fullness;
                bestNeighbours = neighbours;
            }
        }
        return new double[] {best, best == 0 ? 1 : bestFullness};
    }

    /**
     * Whether a second quantisation with {@code step} can give {@code k} after a first one with {@code first}. With a
     * step of 1 the decoded pixels' rounding can move a value by one, so the neighbours of a reachable value count.
     */
    static boolean reachable(int k, int first, int step) {
        long m = Math.round((double) k * step / first);
        if (step == 1) {
            return Math.abs(k - m * first) <= 1;
        }
        for (long candidate = Math.max(0, m - 1); candidate <= m + 1; candidate++) {
            if (Math.round((double) candidate * first / step) == k) {
                return true;
            }
        }
        return false;
    }

    private static Measure strongestWindow(JpegLumaBlocks blocks, int[] firstSteps, int gapped, boolean historySeen) {
        boolean[][] unreachable = new boolean[JpegLumaBlocks.FREQUENCIES][];
        for (int f = 0; f < unreachable.length; f++) {
            if (firstSteps[f] > 0) {
                unreachable[f] = new boolean[LARGEST + 1];
                for (int k = 1; k <= LARGEST; k++) {
                    unreachable[f][k] = !reachable(k, firstSteps[f], blocks.steps[f]);
                }
            }
        }
        int[] tested = new int[blocks.columns * blocks.rows], off = new int[tested.length];
        long allTested = 0, allOff = 0;
        for (int row = 0; row < blocks.rows; row++) {
            for (int column = 0; column < blocks.columns; column++) {
                if (blocks.leftOut(column, row)) {
                    continue;
                }
                int i = row * blocks.columns + column;
                for (int f = 0; f < unreachable.length; f++) {
                    int k = Math.abs(blocks.at(column, row, f));
                    if (unreachable[f] != null && k > 0 && k <= LARGEST) {
                        tested[i]++;
                        off[i] += unreachable[f][k] ? 1 : 0;
                    }
                }
                allTested += tested[i];
                allOff += off[i];
            }
        }
        if (allTested == 0) {
            return new Measure(gapped, historySeen, 0, 0, 0, 0, 0, 0, blocks.width, blocks.height);
        }
        double everywhere = Math.max(0.01, allOff / (double) allTested);
        int windowRows = Math.max(0, blocks.rows - WINDOW_ROWS + 1), windowColumns = Math.max(0,
                blocks.columns - WINDOW_COLUMNS + 1);
        double[] scores = new double[windowRows * windowColumns];
        int bestAt = -1;
        for (int row = 0; row < windowRows; row++) {
            for (int column = 0; column < windowColumns; column++) {
                int t = 0, u = 0;
                for (int y = row; y < row + WINDOW_ROWS; y++) {
                    for (int x = column; x < column + WINDOW_COLUMNS; x++) {
                        t += tested[y * blocks.columns + x];
                        u += off[y * blocks.columns + x];
                    }
                }
                int at = row * windowColumns + column;
                scores[at] = t < WINDOW_MIN_TESTED ? 0 : logLikelihoodRatio(u, t, everywhere);
                if (bestAt < 0 || scores[at] > scores[bestAt]) {
                    bestAt = at;
                }
            }
        }
        if (bestAt < 0) {
            return new Measure(gapped, historySeen, 0, 0, 0, 0, 0, 0, blocks.width, blocks.height);
        }
        int bestRow = bestAt / windowColumns, bestColumn = bestAt % windowColumns;
        double elsewhere = 0; // the strongest window on other lines: a screen's moiré is strong on many
        for (int at = 0; at < scores.length; at++) {
            int row = at / windowColumns;
            if (row < bestRow - 2 * WINDOW_ROWS || row > bestRow + 2 * WINDOW_ROWS) {
                elsewhere = Math.max(elsewhere, scores[at]);
            }
        }
        return new Measure(gapped, historySeen, scores[bestAt], elsewhere, bestColumn * 8, bestRow * 8,
                (bestColumn + WINDOW_COLUMNS) * 8, (bestRow + WINDOW_ROWS) * 8, blocks.width, blocks.height);
    }

    /** How much likelier {@code off} of {@code tested} is at its own rate than at the image's, when above it. */
    static double logLikelihoodRatio(int off, int tested, double everywhere) {
        double rate = off / (double) tested;
        if (rate <= everywhere) {
            return 0;
        }
        double outside = rate >= 1 ? 0 : (tested - off) * Math.log((1 - rate) / (1 - everywhere));
        return off * Math.log(rate / everywhere) + outside;
    }
}
