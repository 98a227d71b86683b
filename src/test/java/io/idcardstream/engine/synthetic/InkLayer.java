package io.idcardstream.engine.synthetic;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Ink printed over a finished card (stamps, seals): drawn on a transparent layer in card coordinates, then multiplied
 * with what is underneath, so black text stays black and shows through the ink as it does on paper.
 */
final class InkLayer {

    private InkLayer() {
    }

    /** A transparent layer the size of {@code card}, with graphics in card coordinates (856 x 540). */
    static BufferedImage layer(BufferedImage card) {
        return new BufferedImage(card.getWidth(), card.getHeight(), BufferedImage.TYPE_INT_ARGB);
    }

    static Graphics2D cardGraphics(BufferedImage layer) {
        Graphics2D g = layer.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale((double) layer.getWidth() / CardLayout.WIDTH, (double) layer.getHeight() / CardLayout.HEIGHT);
        return g;
    }

    /** Multiplies the layer's ink into the card in place, at {@code opacity} of the layer's own alpha. */
    static void multiply(BufferedImage card, BufferedImage ink, double opacity) {
        int w = card.getWidth();
        int h = card.getHeight();
        int[] cardPx = card.getRGB(0, 0, w, h, null, 0, w);
        int[] inkPx = ink.getRGB(0, 0, w, h, null, 0, w);
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
