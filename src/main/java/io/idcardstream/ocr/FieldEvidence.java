package io.idcardstream.ocr;

import java.util.List;
import java.util.Objects;

/**
 * How sure the recogniser is of one field and where it was read: confidence 0..1 and the polygon in image
 * pixels, clockwise from top-left. The local engine reports these; Tencent's API does not.
 */
public record FieldEvidence(FieldName field, float confidence, List<Point> polygon) {
    public FieldEvidence {
        Objects.requireNonNull(field, "field");
        if (!(confidence >= 0f && confidence <= 1f)) {
            throw new IllegalArgumentException("confidence must be in [0, 1] but was " + confidence);
        }
        polygon = List.copyOf(polygon);
    }

    /** A pixel position in the input image. */
    public record Point(int x, int y) {}
}
