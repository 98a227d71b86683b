package io.idcardstream.engine.card;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.engine.text.GlyphLine;
import java.util.ArrayList;
import java.util.List;

/**
 * The read lines joined end to end where one continues another along the same row: the card's labels are printed
 * letter-spaced (姓 名, 公 民 身 份 号 码), and on copies and small cards the detector often boxes each of their
 * characters alone. Joined, the characters read as the labels they are again.
 *
 * <p>Pure and thread-safe.
 */
final class RowChains {
    /** The next box starts at most this many line heights after the previous one ends. */
    static final double MAX_GAP = 3;
    /** ... and at most this many line heights above or below its row. */
    static final double MAX_OFFSET = 0.5;

    private RowChains() {}

    /** Every line's glyphs, lines that continue one another joined, each line in exactly one chain. */
    static List<List<Glyph>> of(List<GlyphLine> lines) {
        int n = lines.size();
        int[] next = new int[n];
        boolean[] hasPrevious = new boolean[n];
        for (int i = 0; i < n; i++) {
            next[i] = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double gap = gapAlongRow(lines.get(i), lines.get(j));
                if (j != i && !hasPrevious[j] && gap < best) {
                    best = gap;
                    next[i] = j;
                }
            }
            if (next[i] >= 0) {
                hasPrevious[next[i]] = true;
            }
        }
        List<List<Glyph>> chains = new ArrayList<>();
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (hasPrevious[i] || used[i]) {
                continue;
            }
            List<Glyph> chain = new ArrayList<>();
            for (int k = i; k >= 0 && !used[k]; k = next[k]) {
                used[k] = true;
                chain.addAll(lines.get(k).glyphs());
            }
            chains.add(chain);
        }
        for (int i = 0; i < n; i++) {
            if (!used[i]) {
                chains.add(lines.get(i).glyphs());
            }
        }
        return chains;
    }

    /**
     * How far {@code b} starts after {@code a} ends along {@code a}'s row (pixels), or infinity when {@code b} does
     * not continue {@code a}: it starts behind it, too far ahead, off the row, or neither has any glyph.
     */
    static double gapAlongRow(GlyphLine a, GlyphLine b) {
        if (a.glyphs().isEmpty() || b.glyphs().isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        Quad box = a.box();
        Point start = box.topLeft().towards(box.bottomLeft(), 0.5);
        Point end = box.topRight().towards(box.bottomRight(), 0.5);
        double length = start.distanceTo(end);
        double height = box.height();
        if (length == 0 || height == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double ux = (end.x() - start.x()) / length, uy = (end.y() - start.y()) / length;
        Point last = a.glyphs().get(a.glyphs().size() - 1).center();
        Point first = b.glyphs().get(0).center();
        double dx = first.x() - last.x(), dy = first.y() - last.y();
        double along = dx * ux + dy * uy, across = Math.abs(-dx * uy + dy * ux);
        return along > 0 && along <= MAX_GAP * height && across <= MAX_OFFSET * height
                ? along : Double.POSITIVE_INFINITY;
    }
}
