package io.idcardstream.engine.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * An 8-bit RGB image as packed {@code 0xRRGGBB} ints, row by row: the one pixel format of the engine's pure
 * image functions.
 *
 * <p>Threading notes: not copied on construction or access (images are large); callers must not mutate the
 * array of an image they have handed on. The engine's own functions always return new images.
 */
public final class RgbImage {
    private final int width;
    private final int height;
    private final int[] pixels;

    public RgbImage(int width, int height, int[] pixels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be > 0 but were " + width + "x" + height);
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("pixels must hold width*height = " + width * height + " values but held "
                    + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** A copy of any BufferedImage as RGB; alpha is dropped (composite first to keep what it hides). */
    public static RgbImage of(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            rgb.createGraphics().drawImage(image, 0, 0, null);
        }
        int[] data = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        int[] pixels = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            // Java2D may leave the unused top byte set; the engine's format keeps it zero.
            pixels[i] = data[i] & 0xFFFFFF;
        }
        return new RgbImage(w, h, pixels);
    }

    /** A filled image. */
    public static RgbImage filled(int width, int height, int rgb) {
        int[] p = new int[width * height];
        java.util.Arrays.fill(p, rgb & 0xFFFFFF);
        return new RgbImage(width, height, p);
    }

    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        System.arraycopy(pixels, 0, ((DataBufferInt) image.getRaster().getDataBuffer()).getData(), 0, pixels.length);
        return image;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixel array itself (not a copy): read it, do not write it. */
    public int[] pixels() {
        return pixels;
    }

    public int rgb(int x, int y) {
        return pixels[y * width + x];
    }

    /** Luma (ITU-R BT.601) of one packed RGB pixel, 0..255. */
    public static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }

    /** Luma (ITU-R BT.601) of every pixel, 0..255. */
    public float[] luma() {
        float[] y = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            y[i] = 0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF);
        }
        return y;
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
