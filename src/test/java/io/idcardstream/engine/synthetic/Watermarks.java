package io.idcardstream.engine.synthetic;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What people print over a card copy to restrict its use, and the competition cards' watermark: a line such as
 * 仅限BDCI比赛使用 in the card's top-left corner, the same kind of line repeated diagonally across the card in light
 * grey, and light grey guilloche lines. Drawn on the card in place, inside its outline.
 */
final class Watermarks {

    /** idcards-dev2's competition cards carry one of the first two; people write the others on copies they hand out. */
    static final List<String> LINES = List.of("仅限BDCI比赛使用", "仅限BDCI复赛使用", "仅限办理业务使用", "仅限银行开户使用",
            "仅限入职登记使用", "仅限实名认证使用", "样本");

    private Watermarks() {
    }

    /** The competition's line, in mid-grey, at the card's top-left corner above the name. */
    static void topLeft(BufferedImage card, Font cjk, String line, int grey) {
        Graphics2D g = graphics(card);
        g.setColor(new Color(grey, grey, grey));
        g.setFont(cjk.deriveFont(27f));
        g.drawString(line, 24, 40);
        g.dispose();
    }

    /** The line repeated along two or three diagonals across the card, large and light. */
    static void diagonal(BufferedImage card, Font cjk, String line, RandomGenerator random) {
        Graphics2D g = graphics(card);
        int grey = random.nextInt(150, 190);
        g.setColor(new Color(grey, grey, grey, 150));
        g.setFont(cjk.deriveFont(random.nextFloat(44, 64)));
        g.rotate(Math.toRadians(-random.nextDouble(20, 35)), CardLayout.WIDTH / 2.0, CardLayout.HEIGHT / 2.0);
        double step = random.nextDouble(150, 210);
        for (double y = -80; y < CardLayout.HEIGHT + 140; y += step) {
            String repeated = (line + "  ").repeat(4);
            g.drawString(repeated, (float) (-260 + random.nextDouble(80)), (float) y);
        }
        g.dispose();
    }

    /** Light grey guilloche: crossing sine waves over the whole card, fainter than any text. */
    static void guilloche(BufferedImage card, RandomGenerator random) {
        Graphics2D g = graphics(card);
        g.setStroke(new BasicStroke(1f));
        int grey = random.nextInt(165, 200);
        g.setColor(new Color(grey, grey, grey, 110));
        for (int family = 0; family < 2; family++) {
            double wavelength = random.nextDouble(80, 200);
            double amplitude = random.nextDouble(8, 22);
            double phase = random.nextDouble(2 * Math.PI);
            int count = random.nextInt(18, 30);
            double spacing = (double) CardLayout.HEIGHT / count;
            for (int i = -1; i <= count + 1; i++) {
                Path2D.Double wave = new Path2D.Double();
                for (int x = 0; x <= CardLayout.WIDTH; x += 4) {
                    double sign = family == 0 ? 1 : -1;
                    double y = i * spacing + sign * amplitude * Math.sin(x * 2 * Math.PI / wavelength + phase + i);
                    if (x == 0) {
                        wave.moveTo(x, y);
                    } else {
                        wave.lineTo(x, y);
                    }
                }
                g.draw(wave);
            }
        }
        g.dispose();
    }

    /** Card-coordinate graphics that only paint where the card is (its transparent corners stay transparent). */
    private static Graphics2D graphics(BufferedImage card) {
        Graphics2D g = card.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setComposite(AlphaComposite.SrcAtop);
        g.scale((double) card.getWidth() / CardLayout.WIDTH, (double) card.getHeight() / CardLayout.HEIGHT);
        return g;
    }
}
