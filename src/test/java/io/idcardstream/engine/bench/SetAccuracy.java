package io.idcardstream.engine.bench;

import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.ocr.FieldName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The accuracy of one labelled set: fields and sides exact, errors, malformed dates, confidence calibration and
 * latency, overall and per capture condition. A generated set is grouped by variant, a collected one by
 * {@code conditions.capture} and by each tag. Holds no values. Not thread-safe.
 */
final class SetAccuracy {

    /** Confidence at or above which a field should be trusted without a look; the summary checks that promise. */
    static final double TRUSTED = 0.90;

    /** Counts of one group of sides. */
    static final class Group {
        int sides;
        int fields;
        int exact;
        /** Fields not read exactly, per field. */
        final Map<FieldName, Integer> misses = new EnumMap<>(FieldName.class);
    }

    private final String name;
    private final boolean generated;
    private int images;
    private final List<SideScore> sides = new ArrayList<>();
    /** Dimension (variant, capture or tag), in the order first seen, to group key (sorted) to counts. */
    private final Map<String, Map<String, Group>> groups = new LinkedHashMap<>();
    private final Map<FieldName, Group> perField = new EnumMap<>(FieldName.class);
    private final CalibrationBins calibration = new CalibrationBins();
    private final Latencies latencies = new Latencies();

    /** @param generated a synthetic set (grouped by variant) rather than a collected one (by capture and tag) */
    SetAccuracy(String name, boolean generated) {
        this.name = Objects.requireNonNull(name, "name");
        this.generated = generated;
    }

    void addImage() {
        images++;
    }

    void add(LabelledImage image, SideScore score) {
        sides.add(score);
        if (generated) {
            count("variant", image.variant(), score);
        } else {
            count("capture", image.variant(), score);
            image.tags().forEach(tag -> count("tag", tag, score));
        }
        for (SideScore.FieldScore field : score.fields()) {
            Group g = perField.computeIfAbsent(field.field(), f -> new Group());
            g.fields++;
            g.exact += field.exact() ? 1 : 0;
            if (!Double.isNaN(field.confidence())) {
                calibration.add(field.confidence(), field.exact());
            }
        }
        latencies.add(score.wallNanos());
    }

    private void count(String dimension, String key, SideScore score) {
        Group g = groups.computeIfAbsent(dimension, d -> new TreeMap<>()).computeIfAbsent(key, k -> new Group());
        g.sides++;
        g.fields += score.fields().size();
        g.exact += (int) score.exactCount();
        score.fields().stream().filter(f -> !f.exact()).forEach(f -> g.misses.merge(f.field(), 1, Integer::sum));
    }

    String name() {
        return name;
    }

    List<SideScore> sides() {
        return sides;
    }

    Map<String, Map<String, Group>> groups() {
        return groups;
    }

    Map<FieldName, Group> perField() {
        return perField;
    }

    CalibrationBins calibration() {
        return calibration;
    }

    int fields() {
        return sides.stream().mapToInt(s -> s.fields().size()).sum();
    }

    int exactFields() {
        return sides.stream().mapToInt(s -> (int) s.exactCount()).sum();
    }

    /** Percent of labelled fields read exactly (0 for an empty set). */
    double exactPercent() {
        return percent(exactFields(), fields());
    }

    /**
     * The set on one line, e.g. {@code set=dev2 images=20 sides=23 fields_exact=76/107 (71.0%) sides_all_exact=12/23
     * errors=3 bad_format=0 conf90_exact=70/75 (93.3%) p50_ms=420 p95_ms=1380}.
     */
    String summaryLine() {
        long allExact = sides.stream().filter(SideScore::allExact).count();
        long errors = sides.stream().filter(s -> s.errorCode() != null).count();
        long badFormat = sides.stream().filter(SideScore::badFormat).count();
        List<SideScore.FieldScore> trusted = sides.stream().flatMap(s -> s.fields().stream())
                .filter(f -> f.confidence() >= TRUSTED).toList();
        long trustedExact = trusted.stream().filter(SideScore.FieldScore::exact).count();
        return String.format(Locale.ROOT, "set=%s images=%d sides=%d fields_exact=%d/%d (%s) sides_all_exact=%d/%d"
                        + " errors=%d bad_format=%d conf90_exact=%d/%d (%s) p50_ms=%s p95_ms=%s", name, images,
                sides.size(), exactFields(), fields(), percentText(exactFields(), fields()), allExact, sides.size(),
                errors, badFormat, trustedExact, trusted.size(), percentText(trustedExact, trusted.size()),
                millis(50), millis(95));
    }

    private String millis(double percentile) {
        return latencies.count() == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", latencies.percentileMillis(percentile));
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    static String percentText(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", percent(part, whole));
    }
}
