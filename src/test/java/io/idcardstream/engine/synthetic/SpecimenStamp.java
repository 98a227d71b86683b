package io.idcardstream.engine.synthetic;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.random.RandomGenerator;

/**
 * A red 样证 (specimen) stamp printed over the address, as on official specimen cards: ink multiplies with what is
 * underneath, so black text stays black and the stamp's own characters sit among the address lines.
 */
final class SpecimenStamp {

    private static final Color STAMP_RED = new Color(226, 38, 48);

    private SpecimenStamp() {
    }

    /** Stamps the card in place (card coordinates are scaled to the image's width). */
    static void apply(BufferedImage card, Font cjk, RandomGenerator random) {
        int w = card.getWidth();
        int h = card.getHeight();
        BufferedImage ink = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = ink.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale((double) w / CardLayout.WIDTH, (double) h / CardLayout.HEIGHT);
        g.rotate(Math.toRadians(random.nextDouble(-8, 8)), 150, 370);
        g.setColor(STAMP_RED);
        g.setFont(cjk.deriveFont(Font.BOLD, 50f));
        int x = 70 + random.nextInt(30);
        int baseline = 392 + random.nextInt(16);
        g.drawString("样", x, baseline);
        g.drawString("证", x + 90, baseline);
        g.dispose();

        int[] cardPx = card.getRGB(0, 0, w, h, null, 0, w);
        int[] inkPx = ink.getRGB(0, 0, w, h, null, 0, w);
        double opacity = 0.85;
        for (int i = 0; i < cardPx.length; i++) {
            double a = (inkPx[i] >>> 24) / 255.0 * opacity;
            if (a == 0) {
                continue;
            }
            int p = cardPx[i];
            int q = inkPx[i];
            double r = ((p >> 16) & 0xff) * (1 - a + a * ((q >> 16) & 0xff) / 255.0);
            double gr = ((p >> 8) & 0xff) * (1 - a + a * ((q >> 8) & 0xff) / 255.0);
            double b = (p & 0xff) * (1 - a + a * (q & 0xff) / 255.0);
            cardPx[i] = (p & 0xff000000) | Scene.channel(r) << 16 | Scene.channel(gr) << 8 | Scene.channel(b);
        }
        card.setRGB(0, 0, w, h, cardPx, 0, w);
    }
}
