package io.idcardstream.engine.synthetic;

import java.awt.image.BufferedImage;
import java.util.random.RandomGenerator;

/**
 * A card shown on a display and photographed from it: the display's pixel grid and backlight (cast, lifted
 * blacks), then moire where the camera resamples the grid.
 */
final class ScreenReshoot {

    /** Display pixel pitch in image pixels; resampling it at a slightly different scale makes the moire. */
    private static final int GRID_PITCH = 3;

    private ScreenReshoot() {
    }

    /** The screen's face: {@code content} centred on a dark photo-viewer background, seen through the pixel grid. */
    static BufferedImage screen(BufferedImage content, int width, int height, RandomGenerator random) {
        Scene viewer = new Scene(Backgrounds.flat(width, height, 58));
        double cardWidth = width * (0.74 + random.nextDouble(0.08));
        viewer.place(content, Scene.quad(width / 2.0, height / 2.0, cardWidth,
                (double) content.getWidth() / content.getHeight(), 0, 0, 0));
        return Distortions.colourCast(0.90, 0.98, 1.10, 22).then(ScreenReshoot::pixelGrid)
                .apply(viewer.image(), random);
    }

    /** Wavy interference bands over the photographed screen. */
    static Distortion moire(double amplitude) {
        return (image, random) -> {
            int w = image.getWidth();
            int h = image.getHeight();
            double angle = random.nextDouble(Math.PI);
            double period = 6 + random.nextDouble(6);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            int[] px = Distortions.pixels(image);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double t = (x * cos + y * sin + 6 * Math.sin(y / 70.0)) / period;
                    double gain = 1 + amplitude * Math.sin(2 * Math.PI * t);
                    int p = px[y * w + x];
                    px[y * w + x] = Distortions.rgb(((p >> 16) & 0xff) * gain, ((p >> 8) & 0xff) * gain,
                            (p & 0xff) * gain);
                }
            }
            return Distortions.image(px, w, h);
        };
    }

    private static BufferedImage pixelGrid(BufferedImage image, RandomGenerator random) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = Distortions.pixels(image);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x % GRID_PITCH == 0 || y % GRID_PITCH == 0) {
                    int p = px[y * w + x];
                    px[y * w + x] = Distortions.rgb(((p >> 16) & 0xff) * 0.8, ((p >> 8) & 0xff) * 0.8,
                            (p & 0xff) * 0.8);
                }
            }
        }
        return Distortions.image(px, w, h);
    }
}
