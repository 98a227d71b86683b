package io.idcardstream.engine.bench;

import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.FieldName;
import java.util.Map;
import java.util.Objects;

/**
 * What the engine answered for one side of one image, as a user of the public API gets it.
 *
 * @param confidence per field the engine gave evidence for, its confidence 0..1
 * @param errorCode the API error code when the call failed, else null
 */
record Answer(CardFields fields, Map<FieldName, Float> confidence, String errorCode, long wallNanos) {

    Answer {
        Objects.requireNonNull(fields, "fields");
        confidence = Map.copyOf(confidence);
    }

    static Answer failed(String errorCode, long wallNanos) {
        return new Answer(CardFields.EMPTY, Map.of(), Objects.requireNonNull(errorCode, "errorCode"), wallNanos);
    }
}
