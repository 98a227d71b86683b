package io.idcardstream.engine.bench;

import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.util.Objects;

/**
 * One timed call of the benchmark: which engine read which side of which image, what it cost, and how many of the
 * side's labelled fields came back exact. Never the values: even specimen data reads like personal data.
 *
 * @param engineKey the engine as {@code --engines} names it ({@code local}, {@code local-1t}, {@code tesseract})
 * @param engine the engine's name in the report, e.g. {@code local PP-OCRv4 (baseline f284aa1)}
 * @param set the image set ({@code dev}, {@code synthetic}, {@code synthetic unreadable})
 * @param errorCode the API error code when recognition failed, else {@code ""}
 */
record Sample(String engineKey, String engine, String set, String variant, String file, CardSide side,
        long wallNanos, long cpuNanos, String errorCode, int exactFields, int labelledFields) {

    Sample {
        for (String text : new String[] {engineKey, engine, set, variant, file, errorCode}) {
            Objects.requireNonNull(text, "text cells must not be null");
            if (text.contains("\t") || text.contains("\n")) {
                throw new IllegalArgumentException("text cells must hold no tab or line break but one was '"
                        + text.replace("\t", "\\t").replace("\n", "\\n") + "'");
            }
        }
        Objects.requireNonNull(side, "side");
        if (wallNanos < 0 || exactFields < 0 || exactFields > labelledFields) {
            throw new IllegalArgumentException(String.format("expected wallNanos >= 0 and 0 <= exactFields <="
                    + " labelledFields but were %d, %d, %d", wallNanos, exactFields, labelledFields));
        }
    }

    /** The call that read {@code side} of {@code image} into {@code reading} in {@code wallNanos}. */
    static Sample of(String engineKey, String engine, String set, LabelledImage image, CardSide side,
            Reading reading, long wallNanos) {
        CardFields expected = image.expected().get(side);
        int exact = 0;
        for (FieldName field : image.labelledFields(side)) {
            if (expected.get(field).equals(reading.fields().get(field))) {
                exact++;
            }
        }
        return new Sample(engineKey, engine, set, image.variant(), image.file().getFileName().toString(), side,
                wallNanos, reading.cpuNanos(), reading.errorCode() == null ? "" : reading.errorCode(), exact,
                image.labelledFields(side).size());
    }
}
