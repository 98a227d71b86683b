package io.idcardstream.engine.bench;

import io.idcardstream.ocr.CardSide;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Sample}s as tab-separated text, one call a line under a header: how one benchmark JVM hands its timings to
 * another (the baseline engine runs in a JVM of its own, its classes clash with the current engine's). Stateless.
 */
final class SampleTsv {

    static final String HEADER = "engine_key\tengine\tset\tvariant\tfile\tside\twall_ns\tcpu_ns\terror"
            + "\texact_fields\tlabelled_fields";
    private static final int COLUMNS = 11;

    private SampleTsv() {
    }

    static String format(List<Sample> samples) {
        StringBuilder tsv = new StringBuilder(HEADER).append('\n');
        for (Sample s : samples) {
            tsv.append(String.join("\t", s.engineKey(), s.engine(), s.set(), s.variant(), s.file(), s.side().name(),
                    Long.toString(s.wallNanos()), Long.toString(s.cpuNanos()), s.errorCode(),
                    Integer.toString(s.exactFields()), Integer.toString(s.labelledFields()))).append('\n');
        }
        return tsv.toString();
    }

    /** Parses what {@link #format} wrote; a malformed line fails with its line number. */
    static List<Sample> parse(String tsv) {
        String[] lines = tsv.split("\n");
        if (!lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("expected the header '" + HEADER.replace("\t", "\\t")
                    + "' but line 1 was '" + lines[0].replace("\t", "\\t") + "'");
        }
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split("\t", -1);
            if (c.length != COLUMNS) {
                throw new IllegalArgumentException(
                        "line " + (i + 1) + ": expected " + COLUMNS + " cells but was " + c.length);
            }
            try {
                samples.add(new Sample(c[0], c[1], c[2], c[3], c[4], CardSide.valueOf(c[5]), Long.parseLong(c[6]),
                        Long.parseLong(c[7]), c[8], Integer.parseInt(c[9]), Integer.parseInt(c[10])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return samples;
    }
}
