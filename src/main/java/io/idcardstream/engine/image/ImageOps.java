package io.idcardstream.engine.image;

import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Quad;

/** Pure pixel operations on {@link RgbImage}: turns, flips, resizing and projective warps. */
public final class ImageOps {
    private ImageOps() {}

    /** The image turned clockwise by {@code turn}. */
    public static RgbImage rotate(RgbImage src, QuarterTurn turn) {
        int w = src.width(), h = src.height();
        int[] s = src.pixels();
        switch (turn) {
            case NONE:
                return src;
            case HALF: {
                int[] d = new int[s.length];
                for (int i = 0; i < s.length; i++) {
                    d[s.length - 1 - i] = s[i];
                }
                return new RgbImage(w, h, d);
            }
            case CLOCKWISE_90: {
                // Source (x, y) lands at (h - 1 - y, x) in a w-high, h-wide image.
                int[] d = new int[s.length];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        d[x * h + (h - 1 - y)] = s[y * w + x];
                    }
                }
                return new RgbImage(h, w, d);
            }
            default: {
                // Source (x, y) lands at (y, w - 1 - x).
                int[] d = new int[s.length];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        d[(w - 1 - x) * h + y] = s[y * w + x];
                    }
                }
                return new RgbImage(h, w, d);
            }
        }
    }

    /** Mirror left to right. */
    public static RgbImage flipHorizontal(RgbImage src) {
        int w = src.width(), h = src.height();
        int[] s = src.pixels();
        int[] d = new int[s.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                d[y * w + (w - 1 - x)] = s[y * w + x];
            }
        }
        return new RgbImage(w, h, d);
    }

    /**
     * Resized to {@code width}×{@code height}: box-averaged when shrinking by 2× or more (so fine patterns such
     * as screen moiré and guilloche do not alias into the text), bilinear otherwise.
     */
    public static RgbImage resize(RgbImage src, int width, int height) {
        if (width == src.width() && height == src.height()) {
            return src;
        }
        double fx = (double) src.width() / width, fy = (double) src.height() / height;
        RgbImage source = src;
        if (fx >= 2 || fy >= 2) {
            source = boxShrink(src, Math.max(1, (int) Math.floor(fx)), Math.max(1, (int) Math.floor(fy)));
        }
        return bilinear(source, width, height);
    }

    /**
     * Bilinear resampling with pixel centres mapped onto pixel centres (edge pixels repeated). Each source row is
     * interpolated horizontally once, into per-channel float rows kept while consecutive output rows use it, and
     * output rows then blend two such rows; the arithmetic per value is the plain formula's, in the same order.
     */
    static RgbImage bilinear(RgbImage src, int width, int height) {
        int sw = src.width(), sh = src.height();
        double sx = (double) sw / width, sy = (double) sh / height;
        int[] x0 = new int[width], x1 = new int[width];
        float[] fx = new float[width];
        for (int x = 0; x < width; x++) {
            double u = Math.max(0, Math.min(sw - 1, (x + 0.5) * sx - 0.5));
            x0[x] = (int) u;
            x1[x] = Math.min(x0[x] + 1, sw - 1);
            fx[x] = (float) (u - x0[x]);
        }
        int[] s = src.pixels();
        int[] d = new int[width * height];
        // Two horizontally interpolated source rows (r, g, b planes), and which source rows they hold.
        float[][] rows = {new float[3 * width], new float[3 * width]};
        int[] held = {-1, -1};
        for (int y = 0; y < height; y++) {
            double v = Math.max(0, Math.min(sh - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) v, y1 = Math.min(y0 + 1, sh - 1);
            float fy = (float) (v - y0);
            float[] top = interpolatedRow(s, sw, y0, x0, x1, fx, rows, held);
            float[] bottom = interpolatedRow(s, sw, y1, x0, x1, fx, rows, held);
            int out = y * width;
            for (int x = 0; x < width; x++) {
                int r = blend(top[x], bottom[x], fy);
                int g = blend(top[width + x], bottom[width + x], fy);
                int b = blend(top[2 * width + x], bottom[2 * width + x], fy);
                d[out + x] = (r << 16) | (g << 8) | b;
            }
        }
        return new RgbImage(width, height, d);
    }

    /** Source row {@code y} interpolated at the output columns, from the two-row cache or computed into it. */
    private static float[] interpolatedRow(int[] s, int sw, int y, int[] x0, int[] x1, float[] fx, float[][] rows,
            int[] held) {
        for (int i = 0; i < 2; i++) {
            if (held[i] == y) {
                return rows[i];
            }
        }
        // Replace the row that is not needed any more: rows only move down, so the lower-numbered one.
        int slot = held[0] < held[1] ? 0 : 1;
        float[] row = rows[slot];
        int width = fx.length, base = y * sw;
        for (int x = 0; x < width; x++) {
            int p0 = s[base + x0[x]], p1 = s[base + x1[x]];
            float a = fx[x];
            row[x] = lerp((p0 >> 16) & 0xFF, (p1 >> 16) & 0xFF, a);
            row[width + x] = lerp((p0 >> 8) & 0xFF, (p1 >> 8) & 0xFF, a);
            row[2 * width + x] = lerp(p0 & 0xFF, p1 & 0xFF, a);
        }
        held[slot] = y;
        return row;
    }

    private static float lerp(int a, int b, float f) {
        return a + (b - a) * f;
    }

    private static int blend(float top, float bottom, float fy) {
        return (int) (top + (bottom - top) * fy + 0.5f);
    }

    /** Each output pixel the mean of a {@code kx}×{@code ky} block (edge blocks partial). */
    static RgbImage boxShrink(RgbImage src, int kx, int ky) {
        int w = src.width(), h = src.height();
        int ow = Math.max(1, w / kx), oh = Math.max(1, h / ky);
        int[] s = src.pixels();
        int[] d = new int[ow * oh];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                int r = 0, g = 0, b = 0, n = 0;
                for (int y = oy * ky; y < Math.min(h, oy * ky + ky); y++) {
                    for (int x = ox * kx; x < Math.min(w, ox * kx + kx); x++) {
                        int p = s[y * w + x];
                        r += (p >> 16) & 0xFF;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                        n++;
                    }
                }
                d[oy * ow + ox] = ((r / n) << 16) | ((g / n) << 8) | (b / n);
            }
        }
        return new RgbImage(ow, oh, d);
    }

    /**
     * A {@code width}×{@code height} image whose pixel (x, y) is {@code src} sampled bilinearly at
     * {@code dstToSrc(x, y)}; samples outside the source take {@code outside}.
     */
    public static RgbImage warp(RgbImage src, Homography dstToSrc, int width, int height, int outside) {
        int sw = src.width(), sh = src.height();
        int[] s = src.pixels();
        int[] d = new int[width * height];
        double[] m = dstToSrc.matrix();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double w = m[6] * x + m[7] * y + m[8];
                double u = (m[0] * x + m[1] * y + m[2]) / w;
                double v = (m[3] * x + m[4] * y + m[5]) / w;
                d[y * width + x] = sample(s, sw, sh, u, v, outside);
            }
        }
        return new RgbImage(width, height, d);
    }

    /**
     * The inside of {@code quad} (corners in reading order) straightened into an upright image {@code height}
     * pixels high and as wide as the quad's aspect ratio says (at least 1, at most {@code maxWidth}).
     */
    public static RgbImage cropQuad(RgbImage src, Quad quad, int height, int maxWidth) {
        double aspect = quad.width() / Math.max(1e-6, quad.height());
        int width = (int) Math.max(1, Math.min(maxWidth, Math.round(height * aspect)));
        // Pixel centres sit at integer coordinates in both frames, so the output's outer pixel edges (-0.5 and
        // size - 0.5) are what map onto the quad's corners.
        Quad target = Quad.rectangle(-0.5, -0.5, width - 0.5, height - 0.5);
        return warp(src, Homography.quadToQuad(target, quad), width, height, 0xFFFFFF);
    }

    private static int sample(int[] s, int sw, int sh, double u, double v, int outside) {
        if (!(u > -1 && v > -1 && u < sw && v < sh)) {
            return outside;
        }
        int x0 = (int) Math.floor(u), y0 = (int) Math.floor(v);
        double fx = u - x0, fy = v - y0;
        int x1 = Math.min(x0 + 1, sw - 1), y1 = Math.min(y0 + 1, sh - 1);
        x0 = Math.max(x0, 0);
        y0 = Math.max(y0, 0);
        int p00 = s[y0 * sw + x0], p10 = s[y0 * sw + x1], p01 = s[y1 * sw + x0], p11 = s[y1 * sw + x1];
        int r = lerp2((p00 >> 16) & 0xFF, (p10 >> 16) & 0xFF, (p01 >> 16) & 0xFF, (p11 >> 16) & 0xFF, fx, fy);
        int g = lerp2((p00 >> 8) & 0xFF, (p10 >> 8) & 0xFF, (p01 >> 8) & 0xFF, (p11 >> 8) & 0xFF, fx, fy);
        int b = lerp2(p00 & 0xFF, p10 & 0xFF, p01 & 0xFF, p11 & 0xFF, fx, fy);
        return (r << 16) | (g << 8) | b;
    }

    private static int lerp2(int a, int b, int c, int d, double fx, double fy) {
        double top = a + (b - a) * fx;
        double bottom = c + (d - c) * fx;
        // Rounds half up like Math.round, which is not an intrinsic on JDK 17 and was a tenth of the engine's Java
        // time: the value is a blend of 0..255, never negative, so truncating value + 0.5 is the same rounding.
        return (int) (top + (bottom - top) * fy + 0.5);
    }
}
