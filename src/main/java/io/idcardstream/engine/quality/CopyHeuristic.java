package io.idcardstream.engine.quality;

import io.idcardstream.engine.image.RgbImage;

/**
 * A heuristic for IDCardOCR's {@code CopyWarn}: a black-and-white copy has no colour, while every genuine card
 * carries blue labels, a coloured guilloche and a colour portrait. The card's mean chroma (max − min of R, G, B)
 * is 15–35 on the colour development images and 0 on the grey copy (front_10); below {@value #GREY_CHROMA} the
 * card is taken to be a black-and-white copy.
 *
 * <p>The threshold was 6 until issue 12 measured it: colour copies of the pale generated fronts (saturation halved,
 * posterised) have a chroma of 4–8 and were taken for grey ones (-9108 precision 0.67 on bench/warnings.sh's
 * held-apart part). On its tuning part grey copies measure 0.0, colour copies 3.96 and up, clean cards 10.7 and up;
 * 2 lies between, nearer the grey side so that JPEG colour noise of a real grey copy stays below it.
 *
 * <p>It cannot see colour copies, which need a model of print texture (-9102 is then reported not checked).
 * Pure and thread-safe.
 */
public final class CopyHeuristic {
    public static final double GREY_CHROMA = 2.0;

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
