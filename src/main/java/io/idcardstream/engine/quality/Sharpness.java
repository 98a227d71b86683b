package io.idcardstream.engine.quality;

import io.idcardstream.engine.image.ImageOps;
import io.idcardstream.engine.image.RgbImage;

/**
 * How crisp and how contrasty an image is, measured at a working size of at most {@value #WORKING_SIDE} pixels.
 *
 * <p>{@code sharpness} is the 99th percentile of the luma gradient magnitude divided by the luma range, so it
 * does not depend on contrast: a sharp card photo scores 0.25–0.5; three passes of a 3-pixel box blur over a
 * 600-pixel-wide card bring it to ~0.14, where small text is already lost; 0.05 is a smear. {@code contrast} is
 * the luma range itself (99th minus 1st percentile, 0–255): a blank wall has almost none.
 *
 * <p>A heuristic, calibrated on the development images and blurred copies of them (a later issue measures how
 * well it predicts unreadable cards); pure and thread-safe.
 *
 * @param sharpness gradient / range, 0 for a flat image
 * @param contrast luma range, 0–255
 */
public record Sharpness(double sharpness, double contrast) {
    static final int WORKING_SIDE = 800;
    /** Histogram bins per luma level: percentiles to a quarter level without sorting. */
    private static final int BINS_PER_LEVEL = 4;

    public static Sharpness of(RgbImage image) {
        double scale = (double) WORKING_SIDE / Math.max(image.width(), image.height());
        RgbImage working = scale < 1
                ? ImageOps.resize(image, Math.max(3, (int) Math.round(image.width() * scale)),
                        Math.max(3, (int) Math.round(image.height() * scale)))
                : image;
        int w = working.width(), h = working.height();
        float[] y = working.luma();
        int[] lumaHistogram = new int[256 * BINS_PER_LEVEL + 1];
        for (float v : y) {
            lumaHistogram[(int) (v * BINS_PER_LEVEL)]++;
        }
        double range = percentile(lumaHistogram, y.length, 0.99) - percentile(lumaHistogram, y.length, 0.01);
        if (w < 3 || h < 3 || range < 1) {
            return new Sharpness(0, Math.max(0, range));
        }
        int[] gradientHistogram = new int[256 * BINS_PER_LEVEL + 1];
        int count = 0;
        for (int row = 1; row < h - 1; row++) {
            for (int x = 1; x < w - 1; x++) {
                float gx = y[row * w + x + 1] - y[row * w + x - 1];
                float gy = y[(row + 1) * w + x] - y[(row - 1) * w + x];
                double magnitude = Math.sqrt(gx * gx + gy * gy) / 2;
                gradientHistogram[(int) Math.min(256 * BINS_PER_LEVEL, magnitude * BINS_PER_LEVEL)]++;
                count++;
            }
        }
        return new Sharpness(percentile(gradientHistogram, count, 0.99) / range, range);
    }

    /** The value below which a fraction {@code q} of the {@code total} samples lie. */
    private static double percentile(int[] histogram, int total, double q) {
        long target = (long) Math.floor(total * q);
        long seen = 0;
        for (int bin = 0; bin < histogram.length; bin++) {
            seen += histogram[bin];
            if (seen > target) {
                return (double) bin / BINS_PER_LEVEL;
            }
        }
        return (double) (histogram.length - 1) / BINS_PER_LEVEL;
    }
}
