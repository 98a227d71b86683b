package io.idcardstream.engine.synthetic;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * A photo being composed: a background and flat objects (cards, screens) placed on it through homographies, with a
 * soft shadow under each. Mutable; one scene per image, on one thread.
 */
final class Scene {

    private final BufferedImage canvas;

    Scene(BufferedImage background) {
        canvas = new BufferedImage(background.getWidth(), background.getHeight(), BufferedImage.TYPE_INT_RGB);
        canvas.getGraphics().drawImage(background, 0, 0, null);
    }

    int width() {
        return canvas.getWidth();
    }

    int height() {
        return canvas.getHeight();
    }

    /**
     * Corners (tl, tr, br, bl of the object) of a card-proportioned quad: centred, {@code width} wide, turned by
     * {@code degrees} clockwise, with one edge shortened by {@code keystone} (0 = none, 0.2 = 20%) to imitate a
     * camera that is not square to the card.
     *
     * @param keystoneEdge 0 top, 1 right, 2 bottom, 3 left
     */
    static double[] quad(double centreX, double centreY, double width, double aspect, double degrees, double keystone,
            int keystoneEdge) {
        double hw = width / 2;
        double hh = width / aspect / 2;
        double[] p = {-hw, -hh, hw, -hh, hw, hh, -hw, hh};
        int a = keystoneEdge;
        int b = (keystoneEdge + 1) % 4;
        double mx = (p[2 * a] + p[2 * b]) / 2;
        double my = (p[2 * a + 1] + p[2 * b + 1]) / 2;
        for (int corner : new int[] {a, b}) {
            p[2 * corner] = mx + (p[2 * corner] - mx) * (1 - keystone);
            p[2 * corner + 1] = my + (p[2 * corner + 1] - my) * (1 - keystone);
        }
        double rad = Math.toRadians(degrees);
        double cos = Math.cos(rad);
        double sin = Math.sin(rad);
        double[] out = new double[8];
        for (int i = 0; i < 4; i++) {
            out[2 * i] = centreX + p[2 * i] * cos - p[2 * i + 1] * sin;
            out[2 * i + 1] = centreY + p[2 * i] * sin + p[2 * i + 1] * cos;
        }
        return out;
    }

    /** Lays {@code object} on the surface with a soft shadow, its corners on {@code corners} (tl, tr, br, bl). */
    void place(BufferedImage object, double[] corners) {
        shadow(corners);
        placeFlat(object, corners);
    }

    /** Draws {@code object} (transparent pixels stay background) so that its corners land on {@code corners}. */
    void placeFlat(BufferedImage object, double[] corners) {
        int sw = object.getWidth();
        int sh = object.getHeight();
        int[] src = object.getRGB(0, 0, sw, sh, null, 0, sw);
        boolean alpha = object.getColorModel().hasAlpha();
        Homography toObject = Homography.mapping(new double[] {0, 0, sw, 0, sw, sh, 0, sh}, corners).inverse();
        int minX = clamp((int) Math.floor(min(corners, 0)), canvas.getWidth());
        int maxX = clamp((int) Math.ceil(max(corners, 0)), canvas.getWidth());
        int minY = clamp((int) Math.floor(min(corners, 1)), canvas.getHeight());
        int maxY = clamp((int) Math.ceil(max(corners, 1)), canvas.getHeight());
        int w = maxX - minX;
        int h = maxY - minY;
        if (w <= 0 || h <= 0) {
            return;
        }
        int[] dst = canvas.getRGB(minX, minY, w, h, null, 0, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] uv = toObject.map(minX + x + 0.5, minY + y + 0.5);
                double u = uv[0] - 0.5;
                double v = uv[1] - 0.5;
                if (u < -0.5 || v < -0.5 || u > sw - 0.5 || v > sh - 0.5) {
                    continue;
                }
                int i = y * w + x;
                dst[i] = blend(dst[i], bilinear(src, sw, sh, u, v, alpha));
            }
        }
        canvas.setRGB(minX, minY, w, h, dst, 0, w);
    }

    BufferedImage image() {
        return canvas;
    }

    private void shadow(double[] corners) {
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int spread = 3; spread >= 1; spread--) {
            Path2D.Double outline = new Path2D.Double();
            for (int i = 0; i < 4; i++) {
                double x = corners[2 * i] + 2 + 2 * spread;
                double y = corners[2 * i + 1] + 3 + 2 * spread;
                if (i == 0) {
                    outline.moveTo(x, y);
                } else {
                    outline.lineTo(x, y);
                }
            }
            outline.closePath();
            g.setColor(new Color(0, 0, 0, 22));
            g.fill(outline);
        }
        g.dispose();
    }

    private static int bilinear(int[] src, int w, int h, double u, double v, boolean alpha) {
        int x0 = (int) Math.floor(u);
        int y0 = (int) Math.floor(v);
        double fx = u - x0;
        double fy = v - y0;
        double[] acc = new double[4];
        for (int dy = 0; dy <= 1; dy++) {
            for (int dx = 0; dx <= 1; dx++) {
                int px = Math.min(Math.max(x0 + dx, 0), w - 1);
                int py = Math.min(Math.max(y0 + dy, 0), h - 1);
                double weight = (dx == 0 ? 1 - fx : fx) * (dy == 0 ? 1 - fy : fy);
                int argb = src[py * w + px];
                double a = alpha ? (argb >>> 24) / 255.0 : 1.0;
                acc[0] += weight * a;
                acc[1] += weight * a * ((argb >> 16) & 0xff);
                acc[2] += weight * a * ((argb >> 8) & 0xff);
                acc[3] += weight * a * (argb & 0xff);
            }
        }
        if (acc[0] <= 0) {
            return 0;
        }
        int a = (int) Math.round(acc[0] * 255);
        return (a << 24) | channel(acc[1] / acc[0]) << 16 | channel(acc[2] / acc[0]) << 8 | channel(acc[3] / acc[0]);
    }

    private static int blend(int background, int argb) {
        double a = (argb >>> 24) / 255.0;
        int r = channel(((argb >> 16) & 0xff) * a + ((background >> 16) & 0xff) * (1 - a));
        int g = channel(((argb >> 8) & 0xff) * a + ((background >> 8) & 0xff) * (1 - a));
        int b = channel((argb & 0xff) * a + (background & 0xff) * (1 - a));
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    static int channel(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    private static int clamp(int value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }

    private static double min(double[] corners, int axis) {
        double m = Double.MAX_VALUE;
        for (int i = axis; i < 8; i += 2) {
            m = Math.min(m, corners[i]);
        }
        return m;
    }

    private static double max(double[] corners, int axis) {
        double m = -Double.MAX_VALUE;
        for (int i = axis; i < 8; i += 2) {
            m = Math.max(m, corners[i]);
        }
        return m;
    }
}
