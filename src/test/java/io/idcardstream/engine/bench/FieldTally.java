package io.idcardstream.engine.bench;

import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.util.EnumMap;
import java.util.Map;

/** Match counts per field over many recognised sides. Not thread-safe. */
final class FieldTally {

    private final Map<FieldName, int[]> counts = new EnumMap<>(FieldName.class);

    /**
     * Counts each labelled field of the image's {@code side}: expected once, and matched when {@code actual} equals
     * it exactly. Omitted fields (illegible in the image) are not counted.
     */
    void add(LabelledImage image, CardSide side, CardFields actual) {
        CardFields expected = image.expected().get(side);
        for (FieldName field : image.labelledFields(side)) {
            add(field, expected.get(field).equals(actual.get(field)));
        }
    }

    void add(FieldName field, boolean matched) {
        int[] c = counts.computeIfAbsent(field, f -> new int[2]);
        c[0]++;
        if (matched) {
            c[1]++;
        }
    }

    int expectedTotal() {
        return counts.values().stream().mapToInt(c -> c[0]).sum();
    }

    int matchedTotal() {
        return counts.values().stream().mapToInt(c -> c[1]).sum();
    }

    int expected(FieldName field) {
        return counts.getOrDefault(field, new int[2])[0];
    }

    int matched(FieldName field) {
        return counts.getOrDefault(field, new int[2])[1];
    }
}
