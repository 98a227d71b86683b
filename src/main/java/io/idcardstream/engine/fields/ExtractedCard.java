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
 * @param cleanups what extraction left out of or normalised in a field's value (stamp text over it, a second
 *     reading of one character, punctuation specks): what was read, and what is returned
 * @param discarded recognised text that is in no field (stamps, watermarks, text off the card), counted by reason
 */
public record ExtractedCard(CardSide side, CardFields fields, Map<FieldName, FieldReading> readings, CardFrame frame,
        List<FieldCorrection> cleanups, List<DiscardedText> discarded) {

    /** Nothing found. */
    public static final ExtractedCard NONE = new ExtractedCard(null, CardFields.EMPTY, Map.of(), null, List.of(),
            List.of());

    public ExtractedCard {
        readings = Map.copyOf(readings);
        cleanups = List.copyOf(cleanups);
        discarded = List.copyOf(discarded);
    }

    /** The same reading with other fields (and the clean-ups that produced them). */
    public ExtractedCard withFields(CardFields newFields, List<FieldCorrection> newCleanups) {
        return new ExtractedCard(side, newFields, readings, frame, newCleanups, discarded);
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
