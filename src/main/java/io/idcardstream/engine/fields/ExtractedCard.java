package io.idcardstream.engine.fields;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldEvidence;
import io.idcardstream.ocr.FieldName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields read from one card side, in the API's format, with what each was read from.
 *
 * @param side the side the fields belong to; null when no card was found
 * @param frame the card's place in the image; null when no card was found
 * @param readings the fields that were found, by name (fields with nothing read are absent)
 * @param cleanups fields from which punctuation specks were dropped: what was read, and what is returned
 */
public record ExtractedCard(CardSide side, CardFields fields, Map<FieldName, FieldReading> readings, CardFrame frame,
        List<FieldCorrection> cleanups) {

    /** Nothing found. */
    public static final ExtractedCard NONE = new ExtractedCard(null, CardFields.EMPTY, Map.of(), null, List.of());

    public ExtractedCard {
        readings = Map.copyOf(readings);
        cleanups = List.copyOf(cleanups);
    }

    public boolean found() {
        return side != null;
    }

    public Optional<FieldReading> reading(FieldName field) {
        return Optional.ofNullable(readings.get(field));
    }

    /** Per-field confidence and polygon, in the API's field order. */
    public List<FieldEvidence> evidence() {
        return java.util.Arrays.stream(FieldName.values())
                .filter(readings::containsKey)
                .map(f -> readings.get(f).evidence())
                .toList();
    }

    @Override
    public String toString() {
        return "ExtractedCard[side=" + side + ", fields=" + readings.keySet() + "]";
    }
}
