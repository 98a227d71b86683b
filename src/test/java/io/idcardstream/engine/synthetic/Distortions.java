package io.idcardstream.engine.synthetic;

import java.awt.image.BufferedImage;

/** The generic degradations of a captured image; each works on a whole RGB image and returns a new one. */
final class Distortions {

    private Distortions() {
    }

    /** A (2r+1) x (2r+1) box blur: defocus or motion, r = 0 leaves the image as it is. */
    static Distortion boxBlur(int radius) {
        if (radius < 0) {
            throw new IllegalArgumentException("radius must be >= 0 but was " + radius);
        }
        return (image, random) -> {
            if (radius == 0) {
                return image;
            }
            int w = image.getWidth();
            int h = image.getHeight();
            int[] px = pixels(image);
            int[] horizontal = new int[px.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    horizontal[y * w + x] = average(px, w, h, x, y, radius, true);
                }
            }
            int[] out = new int[px.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = average(horizontal, w, h, x, y, radius, false);
                }
            }
            return image(out, w, h);
        };
    }

    /** Sensor noise: independent Gaussian noise of standard deviation {@code sigma} on each channel. */
    static Distortion gaussianNoise(double sigma) {
        return (image, random) -> {
            int[] px = pixels(image);
            for (int i = 0; i < px.length; i++) {
                int p = px[i];
                px[i] = rgb(((p >> 16) & 0xff) + random.nextGaussian() * sigma,
                        ((p >> 8) & 0xff) + random.nextGaussian() * sigma,
                        (p & 0xff) + random.nextGaussian() * sigma);
            }
            return image(px, image.getWidth(), image.getHeight());
        };
    }

    /** An earlier lossy save (messenger apps recompress): the blocks stay when the image is saved again. */
    static Distortion jpeg(float quality) {
        return (image, random) -> Jpeg.decode(Jpeg.encode(image, quality));
    }

    /** Turns the whole image by {@code quarterTurns} x 90 degrees clockwise (a phone held sideways). */
    static Distortion quarterTurnsClockwise(int quarterTurns) {
        int turns = Math.floorMod(quarterTurns, 4);
        return (image, random) -> {
            int w = image.getWidth();
            int h = image.getHeight();
            int[] px = pixels(image);
            int ow = turns % 2 == 0 ? w : h;
            int oh = turns % 2 == 0 ? h : w;
            int[] out = new int[px.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int ox;
                    int oy;
                    switch (turns) {
                        case 1 -> { ox = h - 1 - y; oy = x; }
                        case 2 -> { ox = w - 1 - x; oy = h - 1 - y; }
                        case 3 -> { ox = y; oy = w - 1 - x; }
                        default -> { ox = x; oy = y; }
                    }
                    out[oy * ow + ox] = px[y * w + x];
                }
            }
            return image(out, ow, oh);
        };
    }

    /** Light falling off across the image from a random direction, by up to {@code strength} (0..1). */
    static Distortion unevenLight(double strength) {
        return (image, random) -> {
            int w = image.getWidth();
            int h = image.getHeight();
            double angle = random.nextDouble(2 * Math.PI);
            double dx = Math.cos(angle);
            double dy = Math.sin(angle);
            double span = Math.abs(dx) * w + Math.abs(dy) * h;
            double offset = Math.min(0, dx * w) + Math.min(0, dy * h);
            int[] px = pixels(image);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double t = (x * dx + y * dy - offset) / span;
                    double gain = 1.08 - strength * t;
                    int p = px[y * w + x];
                    px[y * w + x] = rgb(((p >> 16) & 0xff) * gain, ((p >> 8) & 0xff) * gain, (p & 0xff) * gain);
                }
            }
            return image(px, w, h);
        };
    }

    /** A colour cast and raised blacks, as from a display or a cheap white balance: {@code out = lift + gain * in}. */
    static Distortion colourCast(double redGain, double greenGain, double blueGain, double lift) {
        return (image, random) -> {
            int[] px = pixels(image);
            for (int i = 0; i < px.length; i++) {
                int p = px[i];
                px[i] = rgb(lift + redGain * ((p >> 16) & 0xff), lift + greenGain * ((p >> 8) & 0xff),
                        lift + blueGain * (p & 0xff));
            }
            return image(px, image.getWidth(), image.getHeight());
        };
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    static BufferedImage image(int[] pixels, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, width, height, pixels, 0, width);
        return out;
    }

    static int rgb(double r, double g, double b) {
        return 0xff000000 | Scene.channel(r) << 16 | Scene.channel(g) << 8 | Scene.channel(b);
    }

    private static int average(int[] px, int w, int h, int x, int y, int radius, boolean horizontal) {
        int r = 0;
        int g = 0;
        int b = 0;
        int n = 0;
        for (int d = -radius; d <= radius; d++) {
            int sx = horizontal ? Math.min(Math.max(x + d, 0), w - 1) : x;
            int sy = horizontal ? y : Math.min(Math.max(y + d, 0), h - 1);
            int p = px[sy * w + sx];
            r += (p >> 16) & 0xff;
            g += (p >> 8) & 0xff;
            b += p & 0xff;
            n++;
        }
        return rgb((double) r / n, (double) g / n, (double) b / n);
    }
}
