package io.idcardstream.engine.fields;

import io.idcardstream.ocr.FieldName;
import java.util.Objects;

/**
 * Characters the reader recognised on the card that are in no field's value, and why: nothing recognised is
 * dropped without a record. (Characters dropped from inside a field's value are reported as
 * {@link io.idcardstream.ocr.FieldCorrection}s instead, with the text as read.)
 *
 * @param field the field whose region the characters lay in, or null when they lay in none
 * @param reason why they are not card text, e.g. {@code STAMP_TEXT}, {@code OFF_CARD}
 * @param characters how many characters
 */
public record DiscardedText(FieldName field, String reason, int characters) {
    public DiscardedText {
        Objects.requireNonNull(reason, "reason");
    }

    /** Why characters are not part of any value. */
    public static final String OFF_CARD = "OFF_CARD", UNSURE_LINE = "UNSURE_LINE", STAMP_TEXT = "STAMP_TEXT",
            OUTSIDE_FIELDS = "OUTSIDE_FIELDS", LABEL_COLUMN = "LABEL_COLUMN", READ_TWICE = "READ_TWICE", CROSSWISE_TEXT = "CROSSWISE_TEXT", RED_INK = "RED_INK";
}
