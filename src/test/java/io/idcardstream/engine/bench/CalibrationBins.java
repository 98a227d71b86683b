package io.idcardstream.engine.bench;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Fields and exact fields per confidence bin, to see whether the engine's per-field confidence means what it says.
 * Bins: [0,0.5) [0.5,0.7) [0.7,0.8) [0.8,0.9) [0.9,0.95) [0.95,0.99) [0.99,1.0]. Not thread-safe.
 */
final class CalibrationBins {

    /** Lower edges; the last bin includes 1.0. */
    static final double[] EDGES = {0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99};
    private static final String[] LABELS = {"[0,0.5)", "[0.5,0.7)", "[0.7,0.8)", "[0.8,0.9)", "[0.9,0.95)",
        "[0.95,0.99)", "[0.99,1.0]"};

    /** One bin's counts. */
    record Bin(String label, int fields, int exact) {
    }

    private final int[] fields = new int[EDGES.length];
    private final int[] exact = new int[EDGES.length];

    void add(double confidence, boolean isExact) {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1] but was " + confidence);
        }
        int bin = index(confidence);
        fields[bin]++;
        if (isExact) {
            exact[bin]++;
        }
    }

    void addAll(CalibrationBins other) {
        for (int i = 0; i < EDGES.length; i++) {
            fields[i] += other.fields[i];
            exact[i] += other.exact[i];
        }
    }

    static int index(double confidence) {
        for (int i = EDGES.length - 1; i > 0; i--) {
            if (confidence >= EDGES[i]) {
                return i;
            }
        }
        return 0;
    }

    List<Bin> bins() {
        return IntStream.range(0, EDGES.length).mapToObj(i -> new Bin(LABELS[i], fields[i], exact[i])).toList();
    }
}
