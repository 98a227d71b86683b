package io.idcardstream.engine.quality;

import io.idcardstream.engine.image.JpegSegments;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The luma quantisation table of a JPEG, read from its markers (DQT, and the frame header that says which table the
 * first component uses), in natural row-major order. Empty for anything that is not a JPEG with a frame header and
 * that table before its first scan, that has a damaged table, or whose three components are RGB (Adobe's APP14
 * transform 0): then the first is no luma. Pure and thread-safe.
 */
final class JpegHeader {
    private static final int DQT = 0xDB, SOF0 = 0xC0, SOF2 = 0xC2, APP14 = 0xEE;
    /** Zig-zag position → natural (row-major) position. */
    static final int[] ZIGZAG = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19,
        26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37,
        44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

    private JpegHeader() {}

    static Optional<int[]> lumaQuantisation(byte[] b) {
        Map<Integer, int[]> tables = new HashMap<>();
        Integer lumaTable = null;
        int components = 0;
        boolean adobeRgb = false;
        for (JpegSegments.Segment segment : JpegSegments.header(b)) {
            int marker = segment.marker(), start = segment.start(), end = segment.end();
            if (marker == DQT && !readTables(b, start, end, tables)) {
                return Optional.empty();
            } else if (marker >= SOF0 && marker <= SOF2 && end - start >= 9) {
                components = u8(b, start + 5);
                lumaTable = u8(b, start + 8) & 0x0F; // precision, height, width, count, then component 1: id, h/v, Tq
            } else if (marker == APP14 && end - start >= 12 && b[start] == 'A' && b[start + 1] == 'd'
                    && b[start + 2] == 'o' && b[start + 3] == 'b' && b[start + 4] == 'e') {
                adobeRgb = u8(b, start + 11) == 0; // "Adobe", version, flags0, flags1, transform (0: none, RGB)
            }
        }
        if (lumaTable == null || (adobeRgb && components == 3)) {
            return Optional.empty();
        }
        return Optional.ofNullable(tables.get(lumaTable));
    }

    private static boolean readTables(byte[] b, int at, int end, Map<Integer, int[]> tables) {
        while (at < end) {
            int precision = u8(b, at) >> 4, id = u8(b, at) & 0x0F;
            int size = precision == 0 ? 64 : 128;
            if (at + 1 + size > end) {
                return false;
            }
            int[] table = new int[64];
            for (int k = 0; k < 64; k++) {
                int value = precision == 0 ? u8(b, at + 1 + k) : u8(b, at + 1 + 2 * k) << 8 | u8(b, at + 2 + 2 * k);
                if (value == 0) {
                    return false;
                }
                table[ZIGZAG[k]] = value;
            }
            tables.put(id, table);
            at += 1 + size;
        }
        return true;
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }
}
