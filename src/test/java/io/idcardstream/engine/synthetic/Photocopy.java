package io.idcardstream.engine.synthetic;

import java.awt.image.BufferedImage;
import java.util.random.RandomGenerator;

/**
 * A grayscale photocopy: luminance only, contrast pushed so the pale security print washes out and text darkens,
 * then toner specks, a faint drum streak and a slight blur.
 */
final class Photocopy {

    private Photocopy() {
    }

    static Distortion distortion() {
        return Photocopy::copy;
    }

    private static BufferedImage copy(BufferedImage image, RandomGenerator random) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = Distortions.pixels(image);
        double black = 55 + random.nextInt(20);
        double white = 205 + random.nextInt(25);
        int streakX = random.nextInt(w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = px[y * w + x];
                double luma = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
                double v = 255 * (luma - black) / (white - black);
                if (Math.abs(x - streakX) < 2) {
                    v -= 35;
                }
                px[y * w + x] = Distortions.rgb(v, v, v);
            }
        }
        int specks = w * h / 600;
        for (int i = 0; i < specks; i++) {
            int x = random.nextInt(w - 2);
            int y = random.nextInt(h - 2);
            double v = random.nextInt(90);
            int size = random.nextInt(3) == 0 ? 2 : 1;
            for (int dy = 0; dy < size; dy++) {
                for (int dx = 0; dx < size; dx++) {
                    px[(y + dy) * w + x + dx] = Distortions.rgb(v, v, v);
                }
            }
        }
        return Distortions.boxBlur(1).then(Distortions.gaussianNoise(4))
                .apply(Distortions.image(px, w, h), random);
    }
}
