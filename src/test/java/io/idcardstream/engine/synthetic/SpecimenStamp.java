package io.idcardstream.engine.synthetic;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
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
        BufferedImage ink = InkLayer.layer(card);
        Graphics2D g = InkLayer.cardGraphics(ink);
        g.rotate(Math.toRadians(random.nextDouble(-8, 8)), 150, 370);
        g.setColor(STAMP_RED);
        g.setFont(cjk.deriveFont(Font.BOLD, 50f));
        int x = 70 + random.nextInt(30);
        int baseline = 392 + random.nextInt(16);
        g.drawString("样", x, baseline);
        g.drawString("证", x + 90, baseline);
        g.dispose();
        InkLayer.multiply(card, ink, 0.85);
    }
}
