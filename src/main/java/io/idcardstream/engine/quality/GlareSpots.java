package io.idcardstream.engine.quality;

import io.idcardstream.engine.card.CardTemplate;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A heuristic for IDCardOCR's glare warning (-9107, asked with {@code ReflectWarn}): light reflected by the card's
 * laminate burns a patch of the picture to white, where the print (guilloche, text, portrait) vanishes. No part of a
 * genuine card is that white: its background is tinted and printed all over. The straightened card is cut into
 * cells of {@value #CELL} × {@value #CELL} pixels; a cell is burnt when at least {@value #BURNT_PIXELS} of its pixels
 * have every channel at {@value #BURNT_LEVEL} or more. A spot is a connected group of burnt cells enclosed by the
 * card's print: one that reaches the margin ({@value #MARGIN_X} of the width, {@value #MARGIN_Y} of the height) is
 * what lies outside a card outline placed too wide (a white table or app window), not a reflection. A spot covering
 * at least {@value #MIN_SPOT_SHARE} of the card raises the warning.
 *
 * <p>The spot size was chosen on the tuning part of bench/warnings.sh's synthetic set (seed 12): its glare spots
 * burn 0.006–0.017 of the card, clean cards and the dev sets' cards nothing enclosed; half the smallest spot keeps a
 * margin for smaller reflections. A copy is left out by the caller: its paper is white everywhere
 * ({@link CopyHeuristic#paperWhiteShare}). Glare that only brightens without burning to white, and reflections
 * over a card's edge, are not seen. Pure and thread-safe.
 */
public final class GlareSpots {
    static final int CELL = 4;
    static final int BURNT_PIXELS = 14;
    static final int BURNT_LEVEL = 250;
    static final double MARGIN_X = 0.04;
    static final double MARGIN_Y = 0.06;
    public static final double MIN_SPOT_SHARE = 0.003;

    private GlareSpots() {}

    /**
     * One reflection.
     *
     * @param share the part of the card it burns, 0–1
     * @param inCard its bounding box in template units ({@link CardTemplate})
     */
    public record Spot(double share, Quad inCard) {}

    /** The spots of at least {@value #MIN_SPOT_SHARE} of the straightened card, largest first. */
    public static List<Spot> find(RgbImage card) {
        int columns = card.width() / CELL, rows = card.height() / CELL;
        if (columns < 3 || rows < 3) {
            return List.of();
        }
        boolean[] burnt = burntCells(card, columns, rows);
        boolean[] seen = new boolean[burnt.length];
        int[] stack = new int[burnt.length];
        int left = (int) Math.ceil(columns * MARGIN_X), right = (int) (columns * (1 - MARGIN_X));
        int top = (int) Math.ceil(rows * MARGIN_Y), bottom = (int) (rows * (1 - MARGIN_Y));
        double toTemplateX = CardTemplate.WIDTH / columns, toTemplateY = CardTemplate.HEIGHT / rows;
        List<Spot> spots = new ArrayList<>();
        for (int start = 0; start < burnt.length; start++) {
            if (!burnt[start] || seen[start]) {
                continue;
            }
            int size = 0, depth = 0, x0 = columns, y0 = rows, x1 = -1, y1 = -1;
            stack[depth++] = start;
            seen[start] = true;
            while (depth > 0) {
                int cell = stack[--depth], cx = cell % columns, cy = cell / columns;
                size++;
                x0 = Math.min(x0, cx);
                x1 = Math.max(x1, cx);
                y0 = Math.min(y0, cy);
                y1 = Math.max(y1, cy);
                int[][] neighbours = {{cx - 1, cy}, {cx + 1, cy}, {cx, cy - 1}, {cx, cy + 1}};
                for (int[] n : neighbours) {
                    int next = n[1] * columns + n[0];
                    if (n[0] >= 0 && n[1] >= 0 && n[0] < columns && n[1] < rows && burnt[next] && !seen[next]) {
                        seen[next] = true;
                        stack[depth++] = next;
                    }
                }
            }
            boolean enclosed = x0 >= left && x1 < right && y0 >= top && y1 < bottom;
            double share = size / (double) (columns * rows);
            if (enclosed && share >= MIN_SPOT_SHARE) {
                spots.add(new Spot(share, Quad.rectangle(x0 * toTemplateX, y0 * toTemplateY,
                        (x1 + 1) * toTemplateX, (y1 + 1) * toTemplateY)));
            }
        }
        spots.sort((a, b) -> Double.compare(b.share(), a.share()));
        return spots;
    }

    private static boolean[] burntCells(RgbImage card, int columns, int rows) {
        boolean[] burnt = new boolean[columns * rows];
        for (int cy = 0; cy < rows; cy++) {
            for (int cx = 0; cx < columns; cx++) {
                int count = 0;
                for (int y = cy * CELL; y < (cy + 1) * CELL; y++) {
                    for (int x = cx * CELL; x < (cx + 1) * CELL; x++) {
                        int v = card.rgb(x, y);
                        int min = Math.min((v >> 16) & 0xFF, Math.min((v >> 8) & 0xFF, v & 0xFF));
                        count += min >= BURNT_LEVEL ? 1 : 0;
                    }
                }
                burnt[cy * columns + cx] = count >= BURNT_PIXELS;
            }
        }
        return burnt;
    }
}
