package io.idcardstream.engine.fields;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.rec.Alternative;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made readings of a card side for the field heuristics' tests: every value read surely (0.99 per character,
 * no alternatives) unless a test gives some of its characters other evidence. No frame: these heuristics work on
 * the values and their characters' evidence only.
 */
final class Readings {
    static final float SURE = 0.99f;

    private final CardSide side;
    private final CardFields fields;
    private final Map<FieldName, List<Glyph>> glyphs = new EnumMap<>(FieldName.class);
    private final Map<FieldName, Float> confidences = new EnumMap<>(FieldName.class);

    private Readings(CardSide side, CardFields fields) {
        this.side = side;
        this.fields = fields;
    }

    static Readings of(CardFields fields) {
        return new Readings(fields.side(), fields);
    }

    /** Character {@code index} of the field's value read with this probability and these alternatives. */
    Readings with(FieldName field, int index, float confidence, Alternative... alternatives) {
        List<Glyph> current = new ArrayList<>(glyphs.getOrDefault(field, sure(fields.get(field))));
        current.set(index, glyph(current.get(index).symbol(), confidence, alternatives));
        glyphs.put(field, current);
        return this;
    }

    /** The field's reading says this confidence, whatever its characters' probabilities. */
    Readings confidence(FieldName field, float confidence) {
        confidences.put(field, confidence);
        return this;
    }

    ExtractedCard card() {
        Map<FieldName, FieldReading> readings = new EnumMap<>(FieldName.class);
        for (FieldName field : FieldName.values()) {
            String value = fields.get(field);
            if (field.side() != side || value.isEmpty()) {
                continue;
            }
            List<Glyph> read = glyphs.getOrDefault(field, sure(value));
            float mean = (float) read.stream().mapToDouble(Glyph::confidence).average().orElse(0);
            readings.put(field, new FieldReading(field, value, value, read, confidences.getOrDefault(field, mean),
                    List.of()));
        }
        return new ExtractedCard(side, fields, readings, null, List.of(), List.of());
    }

    static Glyph glyph(String symbol, float confidence, Alternative... alternatives) {
        return new Glyph(symbol, new Point(0, 0), confidence, 0, Arrays.asList(alternatives));
    }

    static List<Glyph> sure(String text) {
        return text.codePoints().mapToObj(c -> glyph(Character.toString(c), SURE)).toList();
    }

    static Alternative alternative(String symbol, float probability) {
        return new Alternative(symbol, probability);
    }
}
