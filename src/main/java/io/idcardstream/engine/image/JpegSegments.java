package io.idcardstream.engine.image;

import java.util.ArrayList;
import java.util.List;

/**
 * The marker segments of a JPEG's header, in order, up to its first scan: what EXIF, quantisation tables and frame
 * headers are read from. Pure and thread-safe.
 */
public final class JpegSegments {
    private static final int SOI = 0xD8, EOI = 0xD9, SOS = 0xDA, TEM = 0x01;

    /** One segment: its marker (the byte after 0xFF) and its payload, {@code [start, end)} of the file. */
    public record Segment(int marker, int start, int end) {}

    private JpegSegments() {}

    /**
     * The segments before the first scan; empty when the bytes are not a JPEG. Reading stops at the first scan, the
     * end of the image, or the first thing that is not a well-formed segment; the segments before it are kept.
     */
    public static List<Segment> header(byte[] jpeg) {
        List<Segment> segments = new ArrayList<>();
        if (jpeg.length < 4 || u8(jpeg, 0) != 0xFF || u8(jpeg, 1) != SOI) {
            return segments;
        }
        int at = 2;
        while (at + 4 <= jpeg.length && u8(jpeg, at) == 0xFF) {
            int marker = u8(jpeg, at + 1);
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == SOI || marker == TEM || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2; // standalone markers carry no length
                continue;
            }
            if (marker == SOS || marker == EOI) {
                break;
            }
            int length = u8(jpeg, at + 2) << 8 | u8(jpeg, at + 3);
            if (length < 2 || at + 2 + length > jpeg.length) {
                break;
            }
            segments.add(new Segment(marker, at + 4, at + 2 + length));
            at += 2 + length;
        }
        return segments;
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }
}
