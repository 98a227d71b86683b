package io.idcardstream.engine.det;

import io.idcardstream.engine.image.ImageOps;
import io.idcardstream.engine.image.RgbImage;

/**
 * The DB detector's input tensor for one image: resized so the longer side is at most the limit, both sides
 * rounded to a multiple of 32 (the network downsamples by 32), laid out as [1, 3, H, W] in B, G, R channel order
 * (PaddleOCR feeds OpenCV's BGR) and normalised per channel as {@code (v / 255 - mean) / std} with the ImageNet
 * mean and std applied in that same B, G, R order, as PaddleOCR does.
 *
 * @param scaleX source pixels per detector pixel, horizontally
 * @param scaleY source pixels per detector pixel, vertically
 */
public record DetectorInput(float[] tensor, int width, int height, double scaleX, double scaleY) {

    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] STD = {0.229f, 0.224f, 0.225f};

    public static DetectorInput prepare(RgbImage image, int maxSideLength) {
        double ratio = Math.min(1.0, (double) maxSideLength / Math.max(image.width(), image.height()));
        int w = roundTo32(image.width() * ratio);
        int h = roundTo32(image.height() * ratio);
        RgbImage resized = ImageOps.resize(image, w, h);
        return new DetectorInput(normalise(resized), w, h, (double) image.width() / w, (double) image.height() / h);
    }

    static int roundTo32(double side) {
        return Math.max(32, (int) Math.round(side / 32) * 32);
    }

    /** The normalised value of every 8-bit level per plane (B, G, R): two divisions per value saved. */
    private static final float[][] LEVELS = new float[3][256];

    static {
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                LEVELS[c][v] = (v / 255f - MEAN[c]) / STD[c];
            }
        }
    }

    /** [3, H, W] planes B, G, R, each {@code (v / 255 - mean[c]) / std[c]}. */
    static float[] normalise(RgbImage image) {
        int plane = image.width() * image.height();
        float[] t = new float[3 * plane];
        int[] p = image.pixels();
        float[] blue = LEVELS[0], green = LEVELS[1], red = LEVELS[2];
        for (int i = 0; i < plane; i++) {
            int v = p[i];
            t[i] = blue[v & 0xFF];
            t[plane + i] = green[(v >> 8) & 0xFF];
            t[2 * plane + i] = red[(v >> 16) & 0xFF];
        }
        return t;
    }
}
