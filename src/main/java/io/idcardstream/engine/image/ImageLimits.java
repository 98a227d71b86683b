package io.idcardstream.engine.image;

/**
 * What the decoder accepts.
 *
 * @param maxBytes the largest encoded image, in bytes
 * @param maxPixels the largest width × height, checked from the header before any pixel is decoded, so a small
 *     file that claims huge dimensions (a decompression bomb) is refused without allocating for it
 * @param workingLongSide images larger than this on their long side are decoded subsampled by a whole factor,
 *     to at least this size: the detector works at ≤ 960 and the crops need no more, and it bounds memory
 */
public record ImageLimits(long maxBytes, long maxPixels, int workingLongSide) {
    public ImageLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1 but was " + maxBytes);
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be >= 1 but was " + maxPixels);
        }
        if (workingLongSide < 256) {
            throw new IllegalArgumentException("workingLongSide must be >= 256 but was " + workingLongSide);
        }
    }
}
