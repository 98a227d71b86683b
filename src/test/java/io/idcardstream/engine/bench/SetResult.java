package io.idcardstream.engine.bench;

import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.util.ArrayList;
import java.util.List;
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
    /** Each field read wrong: image file, side, variant and field (never the values: they read like personal data). */
    final List<Miss> misses = new ArrayList<>();

    record Miss(String file, CardSide side, String variant, FieldName field, String errorCode) {
    }

    void add(LabelledImage image, CardSide side, Reading reading, long wallNanos) {
        CardFields expected = image.expected().get(side);
        exact.add(image, side, reading.fields());
        exactByVariant.computeIfAbsent(image.variant(), v -> new FieldTally()).add(image, side, reading.fields());
        for (FieldName field : image.labelledFields(side)) {
            presence.add(field, TextPresence.found(field, expected.get(field), reading.lines()));
            if (!expected.get(field).equals(reading.fields().get(field))) {
                misses.add(new Miss(image.file().getFileName().toString(), side, image.variant(), field,
                        reading.errorCode()));
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
