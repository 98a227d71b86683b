package io.idcardstream.engine.quality;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.image.ExifOrientation;
import java.awt.geom.Path2D;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A sign for {@code DetectPsWarn} (-9106) in a JPEG's compression history: a region pasted into a JPEG that is then
 * saved again was compressed once, while the rest of the image was compressed twice, so its coefficients fall on the
 * values the rest cannot have ({@link FirstCompression}). So:
 * <ol>
 *   <li>for each of the luma's 27 lowest AC frequencies, the first compression's step is fitted to the image's
 *       histogram;
 *   <li>each block's coefficients that fall on values the fitted steps cannot give are counted;
 *   <li>windows of {@link #WINDOW_LENGTH} × {@link #WINDOW_BREADTH} blocks on the card (a stretch of a field's line,
 *       lying or standing, as the card may lie in the stored pixels) are scored by how much more often they hold
 *       such values than the whole card (the binomial log-likelihood ratio);
 *   <li>a field was pasted when its strongest window scores at least {@link #PASTED_ABOVE} and, once the band of its
 *       line is masked, {@link #CONTRAST} times what is left. Up to {@link #MAX_FIELDS} lines are taken in turn, so
 *       two pasted fields do not hide each other, while a screen's moiré, strong in many bands, never stands out.
 * </ol>
 * The history is {@link Measure#historySeen() seen}, and an image where nothing stands out was checked, when at least
 * {@link #CLEAR_FREQUENCIES} frequencies have nearly empty gaps ({@link #CLEAR_GAP}), some window could be scored, and
 * no window is strong without standing out. Not seen, so the warning is reported not checked: an image compressed
 * once (a paste made before that compression leaves no trace), re-saved at the same or a coarser quality, resized or
 * cropped off the grid after editing, an image over {@link #MAX_PIXELS}, or not a JPEG. Not seen either, and not
 * known to the answer: a field pasted over near-black or near-white, where every block touches a clipped value and is
 * left out ({@link JpegLumaBlocks}). Thresholds and their provenance: docs/engine.md and BENCHMARKS.md ("Warnings
 * (issue 12)").
 *
 * <p>Pure and thread-safe; costs one full-size decode of the JPEG and a DCT per block, so it runs only when asked.
 */
public final class PasteTraces {
    /** Frequencies at most this full are plain: the first compression shows as it does where nobody pasted. */
    static final double CLEAR_GAP = 0.1;
    static final int CLEAR_FREQUENCIES = 12;
    /** Fewer frequencies with a first step are no history to stand out against, whatever a window scores. */
    static final int MIN_FITTED = 8;
    static final int WINDOW_LENGTH = 16, WINDOW_BREADTH = 3;
    /** Fewer coefficients tested in a window say nothing. */
    static final int WINDOW_MIN_TESTED = 30;
    static final double PASTED_ABOVE = 60;
    /** ... and this many times stronger than the strongest window left once its line's band is masked. */
    static final double CONTRAST = 5;
    /** Fields a forger changes at most: the ID number, the name, the validity, the authority. */
    static final int MAX_FIELDS = 3;
    /** A line's band: windows this many blocks across the line from its strongest window lie on it. */
    static final int LINE_BAND = WINDOW_BREADTH;
    /** How far inside the card's outline windows are looked at, as a share of its size on each side. */
    static final double INSET = 0.03;
    /** Larger images are not decoded a second time at full size (memory, time): the warning is not checked. */
    public static final long MAX_PIXELS = 25_000_000;

    private PasteTraces() {}

    /**
     * @param fitted how many frequencies show a first compression's gaps
     * @param historySeen whether a paste would stand out, so that none standing out means none was found
     * @param score the strongest window's log-likelihood ratio (0 when none)
     * @param fields how many pasted fields stand out (0: none)
     * @param strongest the strongest window, in the image the engine read ({@code null} when none)
     */
    public record Measure(int fitted, boolean historySeen, double score, int fields, Quad strongest) {
        static final Measure NOTHING = new Measure(0, false, 0, 0, null);

        public boolean pasted() {
            return fitted >= MIN_FITTED && fields > 0;
        }

        /** 0–1: 0.5 at the threshold, 1 at twice it. */
        public double strength() {
            return Math.min(1, score / (2 * PASTED_ABOVE));
        }
    }

    /**
     * @param card where the card lies in the image the engine read: the JPEG decoded, turned as its EXIF says and
     *     scaled to {@code imageWidth} pixels wide; {@code null}: the whole image
     */
    public static Measure measure(byte[] jpeg, Quad card, int imageWidth) {
        Optional<JpegLumaBlocks> read = JpegLumaBlocks.read(jpeg, MAX_PIXELS);
        if (read.isEmpty()) {
            return Measure.NOTHING;
        }
        JpegLumaBlocks blocks = read.get();
        Placement placement = new Placement(ExifOrientation.read(jpeg), blocks.width, blocks.height, imageWidth);
        FirstCompression.Fit[] fits = new FirstCompression.Fit[JpegLumaBlocks.FREQUENCIES];
        int clear = 0, fitted = 0;
        for (int f = 0; f < fits.length; f++) {
            fits[f] = FirstCompression.fit(histogram(blocks, f), blocks.steps[f]);
            fitted += fits[f].found() ? 1 : 0;
            clear += fits[f].found() && fits[f].fullness() <= CLEAR_GAP ? 1 : 0;
        }
        boolean[] onCard = onCard(blocks, card == null ? null : placement.toStored(card));
        Tally tally = Tally.of(blocks, fits, onCard);
        Windows windows = Windows.score(blocks, tally, onCard);
        Fields fields = Fields.of(windows);
        boolean strongButNotStandingOut = fields.best() >= PASTED_ABOVE && fields.standingOut() == 0;
        boolean historySeen = clear >= CLEAR_FREQUENCIES && windows.count() > 0
                && !strongButNotStandingOut;
        Quad strongest = fields.bestRegion() == null ? null : placement.toImage(fields.bestRegion());
        return new Measure(fitted, historySeen, fields.best(), fields.standingOut(), strongest);
    }

    /** The stored pixels against the image the engine read: turned as EXIF says, then scaled. */
    private record Placement(int orientation, int storedWidth, int storedHeight, int imageWidth) {
        double scale() {
            return (double) imageWidth / (orientation >= 5 ? storedHeight : storedWidth);
        }

        Quad toStored(Quad inImage) {
            return map(inImage, p -> ExifOrientation.stored(new Point(p.x() / scale(), p.y() / scale()), storedWidth,
                    storedHeight, orientation));
        }

        /** The bounding rectangle of a stored rectangle, in the image. */
        Quad toImage(Quad stored) {
            Quad turned = map(stored, p -> {
                Point shown = ExifOrientation.shown(p, storedWidth, storedHeight, orientation);
                return new Point(shown.x() * scale(), shown.y() * scale());
            });
            double left = Double.MAX_VALUE, top = Double.MAX_VALUE, right = -Double.MAX_VALUE;
            double bottom = -Double.MAX_VALUE;
            for (Point p : turned.corners()) {
                left = Math.min(left, p.x());
                top = Math.min(top, p.y());
                right = Math.max(right, p.x());
                bottom = Math.max(bottom, p.y());
            }
            return Quad.rectangle(left, top, right, bottom);
        }

        private static Quad map(Quad quad, UnaryOperator<Point> f) {
            return new Quad(f.apply(quad.topLeft()), f.apply(quad.topRight()), f.apply(quad.bottomRight()),
                    f.apply(quad.bottomLeft()));
        }
    }

    private static int[] histogram(JpegLumaBlocks blocks, int f) {
        int[] counts = new int[FirstCompression.LARGEST + 2];
        for (int row = 0; row < blocks.rows; row++) {
            for (int column = 0; column < blocks.columns; column++) {
                int k = Math.abs(blocks.at(column, row, f));
                if (!blocks.leftOut(column, row) && k > 0 && k <= FirstCompression.LARGEST) {
                    counts[k]++;
                }
            }
        }
        return counts;
    }

    /**
     * Which blocks lie inside the card, {@link #INSET} of its size away from its outline: fields are printed well
     * inside it, while the outline's long straight edge repeats one block's coefficients along the whole card.
     */
    private static boolean[] onCard(JpegLumaBlocks blocks, Quad card) {
        boolean[] on = new boolean[blocks.columns * blocks.rows];
        if (card == null) {
            Arrays.fill(on, true);
            return on;
        }
        double centreX = card.corners().stream().mapToDouble(Point::x).average().orElse(0);
        double centreY = card.corners().stream().mapToDouble(Point::y).average().orElse(0);
        Path2D.Double outline = new Path2D.Double();
        for (Point corner : card.corners()) {
            double x = centreX + (corner.x() - centreX) * (1 - 2 * INSET);
            double y = centreY + (corner.y() - centreY) * (1 - 2 * INSET);
            if (outline.getCurrentPoint() == null) {
                outline.moveTo(x, y);
            } else {
                outline.lineTo(x, y);
            }
        }
        outline.closePath();
        for (int row = 0; row < blocks.rows; row++) {
            for (int column = 0; column < blocks.columns; column++) {
                on[row * blocks.columns + column] = outline.contains(column * 8 + 4, row * 8 + 4);
            }
        }
        return on;
    }

    /**
     * Per block, the coefficients tested and those on unreachable values; over the card, the rate of unreachable
     * values.
     */
    private record Tally(int[] tested, int[] off, double rate) {
        static Tally of(JpegLumaBlocks blocks, FirstCompression.Fit[] fits, boolean[] onCard) {
            boolean[][] unreachable = new boolean[fits.length][];
            for (int f = 0; f < fits.length; f++) {
                if (fits[f].found()) {
                    unreachable[f] = new boolean[FirstCompression.LARGEST + 1];
                    for (int k = FirstCompression.lowest(blocks.steps[f]); k <= FirstCompression.LARGEST; k++) {
                        unreachable[f][k] = !FirstCompression.reachable(k, fits[f].first(), blocks.steps[f]);
                    }
                }
            }
            int[] tested = new int[onCard.length], off = new int[onCard.length];
            long allTested = 0, allOff = 0;
            for (int row = 0; row < blocks.rows; row++) {
                for (int column = 0; column < blocks.columns; column++) {
                    int i = row * blocks.columns + column;
                    if (blocks.leftOut(column, row)) {
                        continue;
                    }
                    for (int f = 0; f < fits.length; f++) {
                        int k = Math.abs(blocks.at(column, row, f));
                        if (unreachable[f] != null && k >= FirstCompression.lowest(blocks.steps[f])
                                && k <= FirstCompression.LARGEST) {
                            tested[i]++;
                            off[i] += unreachable[f][k] ? 1 : 0;
                        }
                    }
                    if (onCard[i]) {
                        allTested += tested[i];
                        allOff += off[i];
                    }
                }
            }
            double rate = allTested == 0 ? 0 : Math.max(0.01, allOff / (double) allTested);
            return new Tally(tested, off, rate);
        }
    }

    /**
     * The card's windows, lying and standing, with their scores. A pasted field is a line: its windows are strong
     * along it and nowhere else, so a field stands out when its line's band is masked and what is left is weak. Up to
     * {@link #MAX_FIELDS} fields are taken one by one, each masked in turn, so that two pasted fields do not hide
     * each other, while a screen's moiré, strong in many bands, never stands out.
     */
    private record Windows(double[] scores, boolean[] lying, int[] rows, int[] columns, int count) {
        static Windows score(JpegLumaBlocks blocks, Tally tally, boolean[] onCard) {
            int capacity = 2 * onCard.length;
            double[] scores = new double[capacity];
            boolean[] lyingAt = new boolean[capacity];
            int[] rowAt = new int[capacity], columnAt = new int[capacity];
            int count = 0;
            for (boolean lying : new boolean[] {true, false}) {
                int across = lying ? WINDOW_LENGTH : WINDOW_BREADTH, down = lying ? WINDOW_BREADTH : WINDOW_LENGTH;
                for (int row = 0; row + down <= blocks.rows; row++) {
                    for (int column = 0; column + across <= blocks.columns; column++) {
                        if (!inside(onCard, blocks.columns, row, column, down, across)) {
                            continue;
                        }
                        int t = 0, u = 0;
                        for (int y = row; y < row + down; y++) {
                            for (int x = column; x < column + across; x++) {
                                t += tally.tested()[y * blocks.columns + x];
                                u += tally.off()[y * blocks.columns + x];
                            }
                        }
                        if (t >= WINDOW_MIN_TESTED) {
                            scores[count] = logLikelihoodRatio(u, t, tally.rate());
                            lyingAt[count] = lying;
                            rowAt[count] = row;
                            columnAt[count++] = column;
                        }
                    }
                }
            }
            return new Windows(scores, lyingAt, rowAt, columnAt, count);
        }

        /** Whether the window's four corner blocks, and so (the card being convex) all of it, are on the card. */
        private static boolean inside(boolean[] onCard, int columns, int row, int column, int down, int across) {
            int bottom = row + down - 1, right = column + across - 1;
            return onCard[row * columns + column] && onCard[row * columns + right]
                    && onCard[bottom * columns + column] && onCard[bottom * columns + right];
        }

        /** The strongest window not masked, or -1. */
        int strongest(boolean[] masked) {
            int best = -1;
            for (int i = 0; i < count; i++) {
                if (!masked[i] && (best < 0 || scores[i] > scores[best])) {
                    best = i;
                }
            }
            return best;
        }

        /**
         * Masks every window that reaches into the band of the line window {@code i} lies on: its rows, widened by
         * {@link #LINE_BAND}, if it lies; its columns if it stands.
         */
        void maskLine(int i, boolean[] masked) {
            int from = (lying[i] ? rows[i] : columns[i]) - LINE_BAND;
            int to = (lying[i] ? rows[i] : columns[i]) + WINDOW_BREADTH + LINE_BAND; // exclusive
            for (int j = 0; j < count; j++) {
                int start = lying[i] ? rows[j] : columns[j];
                int extent = lying[i] == lying[j] ? WINDOW_BREADTH : WINDOW_LENGTH;
                masked[j] |= start < to && start + extent > from;
            }
        }

        Quad region(int i) {
            int across = lying[i] ? WINDOW_LENGTH : WINDOW_BREADTH, down = lying[i] ? WINDOW_BREADTH : WINDOW_LENGTH;
            return Quad.rectangle(columns[i] * 8, rows[i] * 8, (columns[i] + across) * 8, (rows[i] + down) * 8);
        }
    }

    /** The strongest window, where it is, and how many fields stand out (0: none). */
    private record Fields(double best, Quad bestRegion, int standingOut) {
        static Fields of(Windows windows) {
            boolean[] masked = new boolean[windows.count()];
            int first = windows.strongest(masked);
            if (first < 0) {
                return new Fields(0, null, 0);
            }
            for (int fields = 1; fields <= MAX_FIELDS; fields++) {
                int field = windows.strongest(masked);
                if (field < 0 || windows.scores()[field] < PASTED_ABOVE) {
                    break;
                }
                double weakestTaken = windows.scores()[field]; // each field taken is weaker than the one before
                windows.maskLine(field, masked);
                int next = windows.strongest(masked);
                double left = next < 0 ? 0 : windows.scores()[next];
                if (weakestTaken >= CONTRAST * (left + 1)) {
                    return new Fields(windows.scores()[first], windows.region(first), fields);
                }
            }
            return new Fields(windows.scores()[first], windows.region(first), 0);
        }
    }

    /** How much likelier {@code off} of {@code tested} is at its own rate than at the card's, when above it. */
    static double logLikelihoodRatio(int off, int tested, double everywhere) {
        double rate = off / (double) tested;
        if (everywhere <= 0 || rate <= everywhere) {
            return 0;
        }
        double outside = rate >= 1 ? 0 : (tested - off) * Math.log((1 - rate) / (1 - everywhere));
        return off * Math.log(rate / everywhere) + outside;
    }
}
