package io.idcardstream.engine.quality;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * A JPEG's luma as the file stores it: for every 8 × 8 block on the file's own grid, the low and middle DCT
 * coefficients divided by the file's quantisation steps, i.e. the integers the encoder wrote. The pixels are decoded
 * without colour conversion, so the rounding of the decoded samples is the only error (well under half a step for
 * steps of 3 and more). Blocks that touch black or white in any colour channel are left out: there the decoder's
 * clipping, not the quantisation, decided the values.
 *
 * <p>Only JPEGs with one (grey) or three (YCbCr, not Adobe's RGB) components are read; anything else is
 * {@link Optional#empty()}. Immutable after {@link #read}.
 */
final class JpegLumaBlocks {
    /** Zig-zag positions 1..27: the frequencies a card's print fills; higher ones are mostly quantised to 0. */
    static final int FREQUENCIES = 27;
    /** Marks a block left out. */
    static final short LEFT_OUT = Short.MIN_VALUE;
    /** Channel values this close to 0 or 255 may have been clipped by an earlier decoder. */
    private static final int CLIP_MARGIN = 4;
    private static final double[][] BASIS = new double[8][8];

    static {
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                BASIS[x][u] = Math.cos((2 * x + 1) * u * Math.PI / 16) * (u == 0 ? Math.sqrt(0.5) : 1) / 2;
            }
        }
    }

    final int columns;
    final int rows;
    /** The stored image's size in pixels. */
    final int width;
    final int height;
    /** The quantisation step of each of the {@link #FREQUENCIES}. */
    final int[] steps;
    private final short[] coefficients;

    private JpegLumaBlocks(int width, int height, int[] steps, short[] coefficients) {
        this.width = width;
        this.height = height;
        this.columns = width / 8;
        this.rows = height / 8;
        this.steps = steps;
        this.coefficients = coefficients;
    }

    /** The quantised coefficient {@code frequency} (0-based among {@link #FREQUENCIES}) of a block, or LEFT_OUT. */
    short at(int column, int row, int frequency) {
        return coefficients[(row * columns + column) * FREQUENCIES + frequency];
    }

    boolean leftOut(int column, int row) {
        return at(column, row, 0) == LEFT_OUT;
    }

    /** Empty for anything but a one- or three-component YCbCr JPEG of at most {@code maxPixels}. */
    static Optional<JpegLumaBlocks> read(byte[] jpeg, long maxPixels) {
        Optional<int[]> table = JpegHeader.lumaQuantisation(jpeg);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        Raster raster;
        try {
            raster = decodeWithoutColourConversion(jpeg, maxPixels);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the engine decoded the image already; a reader that cannot do this says nothing
        }
        if (raster == null || (raster.getNumBands() != 1 && raster.getNumBands() != 3)) {
            return Optional.empty();
        }
        int[] natural = table.get();
        int[] steps = new int[FREQUENCIES];
        for (int i = 0; i < FREQUENCIES; i++) {
            steps[i] = natural[JpegHeader.ZIGZAG[i + 1]];
        }
        int width = raster.getWidth(), height = raster.getHeight();
        int columns = width / 8, rows = height / 8;
        short[] coefficients = new short[columns * rows * FREQUENCIES];
        int[][] bands = new int[raster.getNumBands()][64];
        double[] rowPass = new double[64];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int at = (row * columns + column) * FREQUENCIES;
                for (int b = 0; b < bands.length; b++) {
                    raster.getSamples(column * 8 + raster.getMinX(), row * 8 + raster.getMinY(), 8, 8, b, bands[b]);
                }
                if (clipped(bands)) {
                    Arrays.fill(coefficients, at, at + FREQUENCIES, LEFT_OUT);
                    continue;
                }
                transform(bands[0], rowPass, natural, coefficients, at);
            }
        }
        return Optional.of(new JpegLumaBlocks(width, height, steps, coefficients));
    }

    private static Raster decodeWithoutColourConversion(byte[] jpeg, long maxPixels) throws IOException {
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > maxPixels || !reader.canReadRaster()) {
                    return null;
                }
                return reader.readRaster(0, null);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Whether any pixel of the block is, in any RGB channel, within {@link #CLIP_MARGIN} of black or white. */
    private static boolean clipped(int[][] bands) {
        for (int i = 0; i < 64; i++) {
            double y = bands[0][i];
            if (bands.length == 1) {
                if (y <= CLIP_MARGIN || y >= 255 - CLIP_MARGIN) {
                    return true;
                }
                continue;
            }
            double cb = bands[1][i] - 128, cr = bands[2][i] - 128; // JFIF's YCbCr → RGB
            double r = y + 1.402 * cr, g = y - 0.344136 * cb - 0.714136 * cr, b = y + 1.772 * cb;
            if (Math.min(r, Math.min(g, b)) <= CLIP_MARGIN || Math.max(r, Math.max(g, b)) >= 255 - CLIP_MARGIN) {
                return true;
            }
        }
        return false;
    }

    /** The block's 2-D DCT (JPEG's), divided by the steps and rounded, for the zig-zag positions kept. */
    private static void transform(int[] luma, double[] rowPass, int[] natural, short[] out, int at) {
        for (int y = 0; y < 8; y++) {
            for (int u = 0; u < 8; u++) {
                double sum = 0;
                for (int x = 0; x < 8; x++) {
                    sum += (luma[y * 8 + x] - 128) * BASIS[x][u];
                }
                rowPass[y * 8 + u] = sum;
            }
        }
        for (int i = 0; i < FREQUENCIES; i++) {
            int position = JpegHeader.ZIGZAG[i + 1];
            int u = position % 8, v = position / 8;
            double sum = 0;
            for (int y = 0; y < 8; y++) {
                sum += rowPass[y * 8 + u] * BASIS[y][v];
            }
            long k = Math.round(sum / natural[position]);
            out[at + i] = (short) Math.max(-Short.MAX_VALUE, Math.min(Short.MAX_VALUE, k));
        }
    }
}
