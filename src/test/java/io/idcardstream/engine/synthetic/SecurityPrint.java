package io.idcardstream.engine.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.Path2D;
import java.util.random.RandomGenerator;

/**
 * The card's pale background: a gradient, a pink glow and guilloche waves, faint enough that text stays the darkest
 * thing on the card (as on real cards, where the security print is light cyan and pink).
 */
final class SecurityPrint {

    private static final Color GUILLOCHE_CYAN = new Color(120, 185, 215, 70);
    private static final Color GUILLOCHE_PINK = new Color(215, 140, 185, 55);

    private SecurityPrint() {
    }

    /** Paints in card coordinates (856 x 540); the caller clips to the card's rounded outline. */
    static void paint(Graphics2D g, RandomGenerator random) {
        g.setPaint(new GradientPaint(0, 0, new Color(232, 240, 246), CardLayout.WIDTH, CardLayout.HEIGHT,
                new Color(244, 238, 244)));
        g.fillRect(0, 0, CardLayout.WIDTH, CardLayout.HEIGHT);
        float glowX = 300 + random.nextInt(250);
        float glowY = 200 + random.nextInt(150);
        g.setPaint(new RadialGradientPaint(glowX, glowY, 300, new float[] {0f, 1f},
                new Color[] {new Color(238, 205, 225, 150), new Color(238, 205, 225, 0)},
                MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fillRect(0, 0, CardLayout.WIDTH, CardLayout.HEIGHT);

        g.setStroke(new BasicStroke(0.9f));
        waves(g, random, GUILLOCHE_CYAN, 34, 14);
        waves(g, random, GUILLOCHE_PINK, 22, 24);
        rosette(g, random, glowX, glowY);
    }

    private static void waves(Graphics2D g, RandomGenerator random, Color color, int count, double amplitude) {
        g.setColor(color);
        double wavelength = 90 + random.nextInt(80);
        double phase = random.nextDouble(Math.PI * 2);
        double spacing = (double) CardLayout.HEIGHT / count;
        for (int i = -2; i < count + 2; i++) {
            Path2D.Double wave = new Path2D.Double();
            for (int x = 0; x <= CardLayout.WIDTH; x += 4) {
                double y = i * spacing + amplitude * Math.sin(x * 2 * Math.PI / wavelength + phase + i * 0.35)
                        + amplitude * 0.4 * Math.sin(x * 2 * Math.PI / (wavelength * 2.7) - i * 0.2);
                if (x == 0) {
                    wave.moveTo(x, y);
                } else {
                    wave.lineTo(x, y);
                }
            }
            g.draw(wave);
        }
    }

    private static void rosette(Graphics2D g, RandomGenerator random, double centerX, double centerY) {
        g.setColor(new Color(150, 170, 215, 45));
        int lobes = 9 + random.nextInt(6);
        for (int ring = 0; ring < 6; ring++) {
            double radius = 60 + ring * 22;
            Path2D.Double curve = new Path2D.Double();
            for (int step = 0; step <= 720; step++) {
                double t = step * Math.PI / 360;
                double r = radius + 12 * Math.sin(lobes * t + ring);
                double x = centerX + r * Math.cos(t);
                double y = centerY + r * Math.sin(t);
                if (step == 0) {
                    curve.moveTo(x, y);
                } else {
                    curve.lineTo(x, y);
                }
            }
            g.draw(curve);
        }
    }
}
