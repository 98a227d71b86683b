package io.idcardstream.engine.bench;

import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.util.Map;
import java.util.TreeMap;

/** One engine's results on one image set: overall and per variant. Not thread-safe. */
final class SetResult {

    final FieldTally exact = new FieldTally();
    final FieldTally presence = new FieldTally();
    final Latencies latencies = new Latencies();
    final Map<String, FieldTally> exactByVariant = new TreeMap<>();
    final Map<String, Latencies> latenciesByVariant = new TreeMap<>();
    final Map<String, Integer> errors = new TreeMap<>();
    long cpuNanos;
    long childPeakRssKb = -1;
    boolean sawLines;

    void add(LabelledImage image, CardSide side, Reading reading, long wallNanos) {
        CardFields expected = image.expected().get(side);
        exact.add(side, expected, reading.fields());
        exactByVariant.computeIfAbsent(image.variant(), v -> new FieldTally()).add(side, expected, reading.fields());
        for (FieldName field : FieldName.values()) {
            if (field.side() == side) {
                presence.add(field, TextPresence.found(field, expected.get(field), reading.lines()));
            }
        }
        latencies.add(wallNanos);
        latenciesByVariant.computeIfAbsent(image.variant(), v -> new Latencies()).add(wallNanos);
        if (reading.errorCode() != null) {
            errors.merge(reading.errorCode(), 1, Integer::sum);
        }
        sawLines |= !reading.lines().isEmpty();
        cpuNanos += reading.cpuNanos();
        childPeakRssKb = Math.max(childPeakRssKb, reading.childPeakRssKb());
    }
}
