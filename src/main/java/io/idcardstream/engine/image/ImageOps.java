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

    /** Bilinear resampling with pixel centres mapped onto pixel centres (edge pixels repeated). */
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
        for (int y = 0; y < height; y++) {
            double v = Math.max(0, Math.min(sh - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) v, y1 = Math.min(y0 + 1, sh - 1);
            float fy = (float) (v - y0);
            int row0 = y0 * sw, row1 = y1 * sw;
            for (int x = 0; x < width; x++) {
                int p00 = s[row0 + x0[x]], p10 = s[row0 + x1[x]], p01 = s[row1 + x0[x]], p11 = s[row1 + x1[x]];
                float a = fx[x];
                int r = mix((p00 >> 16) & 0xFF, (p10 >> 16) & 0xFF, (p01 >> 16) & 0xFF, (p11 >> 16) & 0xFF, a, fy);
                int g = mix((p00 >> 8) & 0xFF, (p10 >> 8) & 0xFF, (p01 >> 8) & 0xFF, (p11 >> 8) & 0xFF, a, fy);
                int b = mix(p00 & 0xFF, p10 & 0xFF, p01 & 0xFF, p11 & 0xFF, a, fy);
                d[y * width + x] = (r << 16) | (g << 8) | b;
            }
        }
        return new RgbImage(width, height, d);
    }

    private static int mix(int a, int b, int c, int d, float fx, float fy) {
        float top = a + (b - a) * fx;
        float bottom = c + (d - c) * fx;
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
        return (int) Math.round(top + (bottom - top) * fy);
    }
}
