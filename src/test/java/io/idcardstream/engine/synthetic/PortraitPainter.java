package io.idcardstream.engine.synthetic;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.random.RandomGenerator;

/** A neutral head-and-shoulders silhouette in the portrait box: no face, so nothing resembles a real person. */
final class PortraitPainter {

    private PortraitPainter() {
    }

    static void paint(Graphics2D g, RandomGenerator random) {
        int x = CardLayout.PORTRAIT_X;
        int y = CardLayout.PORTRAIT_Y;
        int w = CardLayout.PORTRAIT_WIDTH;
        int h = CardLayout.PORTRAIT_HEIGHT;
        g.setPaint(new GradientPaint(x, y, new Color(238, 242, 246), x, y + h, new Color(222, 228, 236)));
        g.fillRect(x, y, w, h);

        int skin = 150 + random.nextInt(40);
        int clothes = 40 + random.nextInt(70);
        double centerX = x + w / 2.0 + random.nextInt(11) - 5;
        double headWidth = w * (0.40 + random.nextDouble(0.06));
        double headHeight = headWidth * 1.28;
        double headTop = y + h * 0.14;

        Path2D.Double shoulders = new Path2D.Double();
        shoulders.moveTo(x, y + h);
        shoulders.curveTo(x, y + h * 0.80, x + w * 0.18, y + h * 0.72, centerX - headWidth * 0.35, y + h * 0.70);
        shoulders.lineTo(centerX + headWidth * 0.35, y + h * 0.70);
        shoulders.curveTo(x + w * 0.82, y + h * 0.72, x + w, y + h * 0.80, x + w, y + h);
        shoulders.closePath();
        g.setColor(new Color(clothes, clothes, clothes + 12));
        g.fill(shoulders);

        g.setColor(new Color(skin - 15, skin - 20, skin - 25));
        g.fill(new RoundRectangle2D.Double(centerX - headWidth * 0.22, headTop + headHeight * 0.8,
                headWidth * 0.44, h * 0.70 - headTop + y - headHeight * 0.75, 20, 20));
        int hair = 25 + random.nextInt(40);
        g.setColor(new Color(hair, hair, hair));
        g.fill(new Ellipse2D.Double(centerX - headWidth * 0.54, headTop - headHeight * 0.05, headWidth * 1.08,
                headHeight * 0.62));
        g.setColor(new Color(skin, skin - 8, skin - 14));
        g.fill(new Ellipse2D.Double(centerX - headWidth * 0.46, headTop + headHeight * 0.12, headWidth * 0.92,
                headHeight * 0.88));
    }
}
