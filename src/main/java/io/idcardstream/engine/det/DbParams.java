package io.idcardstream.engine.det;

/**
 * The DB (differentiable binarisation) text detector's knobs, named as PaddleOCR names them.
 *
 * @param maxSideLength the detector input's longer side is at most this (PaddleOCR {@code limit_side_len} with
 *     {@code limit_type=max}); both sides are then rounded to a multiple of 32
 * @param threshold a pixel is text when its probability exceeds this ({@code det_db_thresh})
 * @param boxThreshold a box is kept when the mean probability of its pixels is at least this
 *     ({@code det_db_box_thresh})
 * @param unclipRatio how far the shrunk text kernel is grown back ({@code det_db_unclip_ratio}): each side moves
 *     out by area × ratio / perimeter
 * @param minSize boxes thinner than this (detector pixels) are noise; after unclipping the limit is minSize + 2
 * @param dilate whether the bitmap is dilated by 2×2 before the components are found ({@code use_dilation}),
 *     which joins characters whose kernels do not touch
 */
public record DbParams(
        int maxSideLength, float threshold, float boxThreshold, double unclipRatio, int minSize, boolean dilate) {

    /** The values used for ID cards: PaddleOCR's defaults with RapidOCR's box threshold and unclip ratio. */
    public static final DbParams DEFAULTS = new DbParams(960, 0.3f, 0.5f, 1.6, 3, true);

    public DbParams {
        if (maxSideLength < 32) {
            throw new IllegalArgumentException("maxSideLength must be >= 32 but was " + maxSideLength);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1) but was " + threshold);
        }
        if (!(boxThreshold > 0 && boxThreshold < 1)) {
            throw new IllegalArgumentException("boxThreshold must be in (0, 1) but was " + boxThreshold);
        }
        if (!(unclipRatio > 0)) {
            throw new IllegalArgumentException("unclipRatio must be > 0 but was " + unclipRatio);
        }
        if (minSize < 1) {
            throw new IllegalArgumentException("minSize must be >= 1 but was " + minSize);
        }
    }
}
