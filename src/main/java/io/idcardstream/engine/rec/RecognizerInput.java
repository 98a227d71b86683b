package io.idcardstream.engine.rec;

import io.idcardstream.engine.image.RgbImage;

/**
 * Tensors for PP-OCR's recogniser and direction classifier from upright line crops: [n, 3, H, W] in B, G, R
 * order (as PaddleOCR feeds OpenCV images), each value {@code (v / 255 - 0.5) / 0.5}, and zero (mid grey) where a
 * crop is narrower than the tensor.
 */
public final class RecognizerInput {
    /** The recogniser's and the classifier's input height. */
    public static final int HEIGHT = 48;
    /** The classifier's input width (PaddleOCR {@code cls_image_shape} 3, 48, 192). */
    public static final int CLASSIFIER_WIDTH = 192;

    private RecognizerInput() {}

    /** One crop, {@link #HEIGHT} pixels high, as a [1, 3, HEIGHT, width] tensor, padded on the right to {@code width}. */
    public static float[] tensor(RgbImage crop, int width) {
        float[] t = new float[3 * HEIGHT * width];
        write(crop, t, 0, width);
        return t;
    }

    /** Several crops, each {@link #HEIGHT} high, as one [n, 3, HEIGHT, width] tensor, each padded to {@code width}. */
    public static float[] batch(java.util.List<RgbImage> crops, int width) {
        int stride = 3 * HEIGHT * width;
        float[] t = new float[crops.size() * stride];
        for (int i = 0; i < crops.size(); i++) {
            write(crops.get(i), t, i * stride, width);
        }
        return t;
    }

    private static void write(RgbImage crop, float[] t, int offset, int width) {
        if (crop.height() != HEIGHT) {
            throw new IllegalArgumentException("crops must be " + HEIGHT + " pixels high but one was " + crop.height());
        }
        int plane = HEIGHT * width;
        int w = Math.min(width, crop.width());
        int[] p = crop.pixels();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < w; x++) {
                int v = p[y * crop.width() + x];
                int i = offset + y * width + x;
                t[i] = (v & 0xFF) / 127.5f - 1f;
                t[plane + i] = ((v >> 8) & 0xFF) / 127.5f - 1f;
                t[2 * plane + i] = ((v >> 16) & 0xFF) / 127.5f - 1f;
            }
        }
    }
}
