package io.idcardstream.engine.text;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.rec.DecodedText;
import java.util.Objects;

/**
 * A line the PP-OCR pipeline read: its box in image pixels (corners in reading order) and the decoded text with
 * each character's position along the box, which lets labels merged with values ("民族汉") be split by position.
 */
public record RecognizedLine(Quad box, DecodedText decoded) {

    public RecognizedLine {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(decoded, "decoded");
    }

    public String text() {
        return decoded.text();
    }

    /** Where character {@code index} (a code-point index) sits: on the box's mid-line at its decoded position. */
    public Point charCenter(int index) {
        return GlyphLine.along(box, decoded.charCenters()[index]);
    }

    /** Never prints the text: it is personal data. */
    @Override
    public String toString() {
        return "RecognizedLine[" + decoded.text().length() + " chars, confidence=" + decoded.confidence() + "]";
    }
}
