package io.idcardstream.engine.synthetic;

import java.awt.image.BufferedImage;
import java.util.random.RandomGenerator;

/**
 * Changes to a printed card's own pixels before it is captured, keeping its transparent corners: the competition's
 * grey, low-contrast cards, and glare where light reflects off the laminate.
 */
final class CardInk {

    private CardInk() {
    }

    /**
     * A grey card as in idcards-dev2's competition crops: luminance squeezed into [{@code black}, {@code white}], so
     * the paper is mid-light grey and the security print shows as grey waves.
     */
    static void grey(BufferedImage card, int black, int white) {
        int w = card.getWidth();
        int h = card.getHeight();
        int[] px = card.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            double luma = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
            double v = black + (white - black) * Math.pow(luma / 255, 1.6);
            int c = Scene.channel(v);
            px[i] = (p & 0xff000000) | c << 16 | c << 8 | c;
        }
        card.setRGB(0, 0, w, h, px, 0, w);
    }

    /**
     * One or two glare spots or streaks centred on value lines of {@code sides}: the colour is pulled towards white by
     * at most 50-72%, so text under the glare fades but keeps enough contrast to be read.
     *
     * @return how many glare patches were laid
     */
    static int glare(BufferedImage card, Sides sides, RandomGenerator random) {
        int w = card.getWidth();
        int h = card.getHeight();
        double scale = (double) w / CardLayout.WIDTH;
        int[] rows = sides == Sides.BACK ? new int[] {CardLayout.AUTHORITY_Y, CardLayout.VALIDITY_Y}
                : new int[] {CardLayout.NAME_Y, CardLayout.SEX_Y, CardLayout.BIRTH_Y, CardLayout.ADDRESS_Y,
                    CardLayout.ID_Y};
        int[] px = card.getRGB(0, 0, w, h, null, 0, w);
        int patches = 1 + random.nextInt(2);
        for (int patch = 0; patch < patches; patch++) {
            double cx = random.nextDouble(250, 600) * scale;
            double cy = rows[random.nextInt(rows.length)] * scale;
            boolean streak = random.nextBoolean();
            double rx = (streak ? random.nextDouble(220, 360) : random.nextDouble(70, 150)) * scale;
            double ry = (streak ? random.nextDouble(14, 30) : random.nextDouble(40, 90)) * scale;
            double angle = random.nextDouble(Math.PI);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double peak = random.nextDouble(0.5, 0.72);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double u = ((x - cx) * cos + (y - cy) * sin) / rx;
                    double v = (-(x - cx) * sin + (y - cy) * cos) / ry;
                    double d = u * u + v * v;
                    if (d > 9) {
                        continue;
                    }
                    double a = peak * Math.exp(-d);
                    int p = px[y * w + x];
                    int r = Scene.channel(((p >> 16) & 0xff) + (255 - ((p >> 16) & 0xff)) * a);
                    int g = Scene.channel(((p >> 8) & 0xff) + (255 - ((p >> 8) & 0xff)) * a);
                    int b = Scene.channel((p & 0xff) + (255 - (p & 0xff)) * a);
                    px[y * w + x] = (p & 0xff000000) | r << 16 | g << 8 | b;
                }
            }
        }
        card.setRGB(0, 0, w, h, px, 0, w);
        return patches;
    }
}
