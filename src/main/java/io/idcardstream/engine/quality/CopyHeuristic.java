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
 * <p>A colour copy keeps some colour, but a copier prints only what is darker than its paper: the card's pale,
 * tinted background (blue and pink guilloche, everywhere on a genuine card) falls below the copier's background
 * suppression and comes out paper white. When at least {@value #COLOUR_COPY_WHITE} of the card is paper white
 * (every channel {@value #PAPER_WHITE} or more) the card is taken for a colour copy. On the tuning part of
 * bench/warnings.sh's synthetic set colour and grey copies measure 0.79–0.85, clean cards, blurred ones and glare at
 * most 0.07; of the dev sets' genuine cards the highest is 0.18 (a card placed too wide on a white app window), a scan
 * with a white portrait background 0.11. A colour copy made without background suppression, or photographed in dim
 * light that greys its paper, is not seen; nor are the dev sets' own grey copies paper white (0.00–0.02), which
 * the chroma finds instead. Pure and thread-safe.
 */
public final class CopyHeuristic {
    public static final double GREY_CHROMA = 2.0;
    public static final double COLOUR_COPY_WHITE = 0.4;
    static final int PAPER_WHITE = 245;

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

    /** The part of the straightened card, 0–1, whose every channel is paper white. */
    public static double paperWhiteShare(RgbImage card) {
        int white = 0;
        int[] p = card.pixels();
        for (int v : p) {
            white += Math.min((v >> 16) & 0xFF, Math.min((v >> 8) & 0xFF, v & 0xFF)) >= PAPER_WHITE ? 1 : 0;
        }
        return p.length == 0 ? 0 : (double) white / p.length;
    }

    public static boolean looksBlackAndWhite(RgbImage card) {
        return meanChroma(card) < GREY_CHROMA;
    }
}
