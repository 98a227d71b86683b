package io.idcardstream.engine.synthetic;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Surfaces a card is photographed on: textured tables and plain paper. */
final class Backgrounds {

    private static final int[][] TABLE_COLOURS = {
        {150, 108, 72}, {112, 112, 116}, {48, 58, 74}, {206, 204, 196}, {96, 70, 52}, {64, 92, 78}};

    private Backgrounds() {
    }

    /** A table: a random base colour, blotches of low-frequency shading, wood-like streaks and fine grain. */
    static BufferedImage table(int width, int height, RandomGenerator random) {
        int[] base = TABLE_COLOURS[random.nextInt(TABLE_COLOURS.length)];
        double[][] blotches = lowFrequency(9, 7, random);
        double streakPeriod = 9 + random.nextDouble(20);
        double streakPhase = random.nextDouble(10);
        int[] px = new int[width * height];
        for (int y = 0; y < height; y++) {
            double streak = 7 * Math.sin(y / streakPeriod + streakPhase + 2 * Math.sin(y / 90.0));
            for (int x = 0; x < width; x++) {
                double shade = 30 * sample(blotches, (double) x / width, (double) y / height) + streak
                        + random.nextGaussian() * 3;
                px[y * width + x] = Distortions.rgb(base[0] + shade, base[1] + shade, base[2] + shade);
            }
        }
        return Distortions.image(px, width, height);
    }

    /** A sheet of copier paper: near white with a faint grain. */
    static BufferedImage paper(int width, int height, RandomGenerator random) {
        int[] px = new int[width * height];
        for (int i = 0; i < px.length; i++) {
            double v = 246 + random.nextGaussian() * 2;
            px[i] = Distortions.rgb(v, v, v);
        }
        return Distortions.image(px, width, height);
    }

    /** A flat colour, as around a scan or a rendered image. */
    static BufferedImage flat(int width, int height, int grey) {
        int[] px = new int[width * height];
        Arrays.fill(px, Distortions.rgb(grey, grey, grey));
        return Distortions.image(px, width, height);
    }

    private static double[][] lowFrequency(int cols, int rows, RandomGenerator random) {
        double[][] grid = new double[rows + 1][cols + 1];
        for (double[] row : grid) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextDouble(-1, 1);
            }
        }
        return grid;
    }

    private static double sample(double[][] grid, double fx, double fy) {
        double gx = fx * (grid[0].length - 1);
        double gy = fy * (grid.length - 1);
        int x0 = Math.min((int) gx, grid[0].length - 2);
        int y0 = Math.min((int) gy, grid.length - 2);
        double tx = gx - x0;
        double ty = gy - y0;
        return grid[y0][x0] * (1 - tx) * (1 - ty) + grid[y0][x0 + 1] * tx * (1 - ty)
                + grid[y0 + 1][x0] * (1 - tx) * ty + grid[y0 + 1][x0 + 1] * tx * ty;
    }
}
