package io.idcardstream.ocr;

import java.util.Objects;

/**
 * A field the recogniser changed after reading it (e.g. under {@code EnableRecognitionRectify}), so the outcome
 * can say what was read and what was returned. The reason is a machine-readable name such as
 * {@code BIRTH_FROM_ID_NUMBER}.
 */
public record FieldCorrection(FieldName field, String read, String returned, String reason) {
    public FieldCorrection {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(returned, "returned");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "FieldCorrection[" + field + ", " + reason + "]";
    }
}
