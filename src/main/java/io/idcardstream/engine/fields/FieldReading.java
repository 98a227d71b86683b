package io.idcardstream.engine.fields;

import io.idcardstream.engine.text.Glyph;
import io.idcardstream.ocr.FieldEvidence;
import io.idcardstream.ocr.FieldName;
import java.util.List;
import java.util.Objects;

/**
 * One field as read: the characters in reading order ({@code raw}), the value in the API's format, the glyphs it
 * came from, and how sure the reader was (mean of the glyphs' probabilities).
 *
 * @param polygon where the field is in the image, clockwise from the top-left in the card's reading orientation
 */
public record FieldReading(FieldName field, String raw, String value, List<Glyph> glyphs, float confidence,
        List<FieldEvidence.Point> polygon) {

    public FieldReading {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(value, "value");
        glyphs = List.copyOf(glyphs);
        polygon = List.copyOf(polygon);
    }

    public FieldEvidence evidence() {
        return new FieldEvidence(field, confidence, polygon);
    }

    /** Never prints the value: it is personal data. */
    @Override
    public String toString() {
        return "FieldReading[" + field + ", " + glyphs.size() + " glyphs, confidence=" + confidence + "]";
    }
}
