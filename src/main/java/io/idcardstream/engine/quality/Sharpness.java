package io.idcardstream.engine.quality;

import io.idcardstream.engine.image.ImageOps;
import io.idcardstream.engine.image.RgbImage;
import java.util.Arrays;

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

    public static Sharpness of(RgbImage image) {
        double scale = (double) WORKING_SIDE / Math.max(image.width(), image.height());
        RgbImage working = scale < 1
                ? ImageOps.resize(image, Math.max(3, (int) Math.round(image.width() * scale)),
                        Math.max(3, (int) Math.round(image.height() * scale)))
                : image;
        int w = working.width(), h = working.height();
        float[] y = working.luma();
        float[] sorted = y.clone();
        Arrays.sort(sorted);
        double range = percentile(sorted, 0.99) - percentile(sorted, 0.01);
        if (w < 3 || h < 3 || range < 1) {
            return new Sharpness(0, range);
        }
        float[] gradient = new float[(w - 2) * (h - 2)];
        int k = 0;
        for (int row = 1; row < h - 1; row++) {
            for (int x = 1; x < w - 1; x++) {
                float gx = y[row * w + x + 1] - y[row * w + x - 1];
                float gy = y[(row + 1) * w + x] - y[(row - 1) * w + x];
                gradient[k++] = (float) Math.hypot(gx, gy) / 2;
            }
        }
        Arrays.sort(gradient);
        return new Sharpness(percentile(gradient, 0.99) / range, range);
    }

    private static double percentile(float[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))];
    }
}
