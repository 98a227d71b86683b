package io.idcardstream.engine.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations of repeated calls, summarised by nearest-rank percentiles. Not thread-safe. */
final class Latencies {

    private final List<Long> nanos = new ArrayList<>();

    void add(long durationNanos) {
        if (durationNanos < 0) {
            throw new IllegalArgumentException("durationNanos must be >= 0 but was " + durationNanos);
        }
        nanos.add(durationNanos);
    }

    int count() {
        return nanos.size();
    }

    /** The nearest-rank percentile in milliseconds: the smallest sample with at least p% of samples at or below it. */
    double percentileMillis(double p) {
        if (nanos.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("p must be in (0, 100] but was " + p);
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(rank - 1) / 1e6;
    }
}
