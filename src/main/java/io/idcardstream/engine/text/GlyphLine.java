package io.idcardstream.engine.text;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A text line as a sequence of positioned characters. PP-OCR lines carry each character's decoded position;
 * lines from other backends (only text and a box) get positions spread evenly along the box, which is close
 * enough for the card's widely spaced layout.
 *
 * @param box the line's box in image pixels, corners in reading order
 */
public record GlyphLine(int index, Quad box, float confidence, List<Glyph> glyphs) {

    public GlyphLine {
        Objects.requireNonNull(box, "box");
        glyphs = List.copyOf(glyphs);
    }

    /** A backend-neutral line: characters spread evenly along its box. */
    public static GlyphLine of(TextLine line, int index) {
        Quad box = Quad.of(line.corners());
        int[] symbols = line.text().codePoints().toArray();
        List<Glyph> glyphs = new ArrayList<>(symbols.length);
        for (int i = 0; i < symbols.length; i++) {
            double t = (i + 0.5) / symbols.length;
            glyphs.add(new Glyph(new String(Character.toChars(symbols[i])), along(box, t), line.confidence(), index));
        }
        return new GlyphLine(index, box, line.confidence(), glyphs);
    }

    /** A PP-OCR line: characters where the CTC decoder placed them, each with its own probability. */
    public static GlyphLine of(RecognizedLine line, int index) {
        int[] symbols = line.text().codePoints().toArray();
        float[] confidences = line.decoded().charConfidences();
        List<Glyph> glyphs = new ArrayList<>(symbols.length);
        for (int i = 0; i < symbols.length; i++) {
            glyphs.add(new Glyph(new String(Character.toChars(symbols[i])), line.charCenter(i), confidences[i], index,
                    line.decoded().alternatives().get(i)));
        }
        return new GlyphLine(index, line.box(), line.decoded().confidence(), glyphs);
    }

    /** The point at fraction {@code t} of the way along the box's mid-line. */
    static Point along(Quad box, double t) {
        Point top = box.topLeft().towards(box.topRight(), t);
        Point bottom = box.bottomLeft().towards(box.bottomRight(), t);
        return top.towards(bottom, 0.5);
    }

    /** Never prints the text: it is personal data. */
    @Override
    public String toString() {
        return "GlyphLine[" + index + ", " + glyphs.size() + " glyphs]";
    }
}
