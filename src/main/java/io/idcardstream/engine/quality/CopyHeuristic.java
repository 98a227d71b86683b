package io.idcardstream.engine.quality;

import io.idcardstream.engine.image.RgbImage;

/**
 * A heuristic for IDCardOCR's {@code CopyWarn}: a black-and-white copy has no colour, while every genuine card
 * carries blue labels, a coloured guilloche and a colour portrait. The card's mean chroma (max − min of R, G, B)
 * is 15–35 on the colour development images and 0 on the grey copy (front_10); below {@value #GREY_CHROMA} the
 * card is taken to be a black-and-white copy.
 *
 * <p>It cannot see colour copies, which need a model of print texture. Precision and recall are not yet measured
 * (a later issue does). Pure and thread-safe.
 */
public final class CopyHeuristic {
    public static final double GREY_CHROMA = 6.0;

    private CopyHeuristic() {}

    /** Mean chroma of the straightened card, 0–255. */
    public static double meanChroma(RgbImage card) {
        long sum = 0;
        int[] p = card.pixels();
        for (int v : p) {
            int r = (v >> 16) & 0xFF, g = (v >> 8) & 0xFF, b = v & 0xFF;
            sum += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
        }
        return (double) sum / p.length;
    }

    public static boolean looksBlackAndWhite(RgbImage card) {
        return meanChroma(card) < GREY_CHROMA;
    }
}
