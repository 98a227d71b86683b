package io.idcardstream.engine.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** A stand-in for the national emblem on the back: a red disc, a gold ring, five gold stars and a gate. */
final class EmblemPainter {

    private static final Color RED = new Color(214, 42, 40);
    private static final Color GOLD = new Color(236, 196, 70);

    private EmblemPainter() {
    }

    static void paint(Graphics2D g) {
        double cx = CardLayout.EMBLEM_CENTER_X;
        double cy = CardLayout.EMBLEM_CENTER_Y;
        double r = CardLayout.EMBLEM_RADIUS;
        g.setColor(RED);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setColor(GOLD);
        g.setStroke(new BasicStroke(7f));
        g.draw(new Ellipse2D.Double(cx - r + 6, cy - r + 6, 2 * r - 12, 2 * r - 12));
        g.fill(star(cx - r * 0.05, cy - r * 0.45, r * 0.26));
        double[][] small = {{0.30, -0.62}, {0.42, -0.38}, {0.40, -0.12}, {0.26, 0.06}};
        for (double[] s : small) {
            g.fill(star(cx + r * (s[0] - 0.15), cy + r * s[1], r * 0.09));
        }
        g.fill(new Rectangle2D.Double(cx - r * 0.55, cy + r * 0.18, r * 1.1, r * 0.10));
        g.fill(new Rectangle2D.Double(cx - r * 0.45, cy + r * 0.32, r * 0.9, r * 0.22));
        g.setColor(RED);
        for (int door = -2; door <= 2; door++) {
            g.fill(new Rectangle2D.Double(cx + door * r * 0.17 - r * 0.04, cy + r * 0.38, r * 0.08, r * 0.16));
        }
    }

    private static Path2D star(double cx, double cy, double outer) {
        Path2D.Double star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? outer : outer * 0.4;
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            double x = cx + radius * Math.cos(angle);
            double y = cy + radius * Math.sin(angle);
            if (i == 0) {
                star.moveTo(x, y);
            } else {
                star.lineTo(x, y);
            }
        }
        star.closePath();
        return star;
    }
}
