package io.idcardstream.engine.synthetic;

import java.awt.image.BufferedImage;

/** Quarter turns of an image, as a phone stores a portrait shot and a viewer shows it. */
public final class Turns {
    private Turns() {}

    public static BufferedImage clockwise(BufferedImage image) {
        BufferedImage turned = new BufferedImage(image.getHeight(), image.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                turned.setRGB(image.getHeight() - 1 - y, x, image.getRGB(x, y));
            }
        }
        return turned;
    }

    public static BufferedImage anticlockwise(BufferedImage image) {
        BufferedImage turned = new BufferedImage(image.getHeight(), image.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                turned.setRGB(y, image.getWidth() - 1 - x, image.getRGB(x, y));
            }
        }
        return turned;
    }
}
