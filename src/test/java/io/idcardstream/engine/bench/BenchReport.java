package io.idcardstream.engine.bench;

import io.idcardstream.ocr.FieldName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Formats the benchmark's results as the Markdown tables of BENCHMARKS.md. Not thread-safe. */
final class BenchReport {

    /** One engine's run: its load time and its results per set, in run order. */
    record EngineRun(String engine, double loadMillis, String loadNote, long jvmPeakRssKb,
            Map<String, SetResult> sets, String machineLoad) {
    }

    private final List<EngineRun> runs = new ArrayList<>();

    void add(EngineRun run) {
        runs.add(run);
    }

    String markdown(String header) {
        StringBuilder md = new StringBuilder(header).append("\n\n");
        md.append("| engine | set | sides | load | p50 ms | p95 ms | CPU ms/side | peak RSS MiB | errors |");
        for (FieldName field : FieldName.values()) {
            md.append(' ').append(field.apiName()).append(" |");
        }
        md.append("\n|---|---|---|---|---|---|---|---|---|").append("---|".repeat(FieldName.values().length))
                .append('\n');
        for (EngineRun run : runs) {
            for (Map.Entry<String, SetResult> set : run.sets().entrySet()) {
                SetResult r = set.getValue();
                md.append(String.format("| %s | %s | %d | %s | %.0f | %.0f | %.0f | %s | %s |", run.engine(),
                        set.getKey(), r.latencies.count(), load(run), r.latencies.percentileMillis(50),
                        r.latencies.percentileMillis(95), r.cpuNanos / 1e6 / r.latencies.count(), rss(run, r),
                        errors(r.errors)));
                for (FieldName field : FieldName.values()) {
                    md.append(' ').append(rate(r.exact, field)).append(" |");
                }
                md.append('\n');
            }
        }
        md.append("\nField cells: exact matches / fields expected. Text found anywhere in the engine's raw lines"
                + " (whitespace ignored; the ceiling for any field extractor on those lines):\n\n| engine | set |");
        for (FieldName field : FieldName.values()) {
            md.append(' ').append(field.apiName()).append(" |");
        }
        md.append("\n|---|---|").append("---|".repeat(FieldName.values().length)).append('\n');
        for (EngineRun run : runs) {
            for (Map.Entry<String, SetResult> set : run.sets().entrySet()) {
                if (!set.getValue().sawLines) {
                    continue;
                }
                md.append("| ").append(run.engine()).append(" | ").append(set.getKey()).append(" |");
                for (FieldName field : FieldName.values()) {
                    md.append(' ').append(rate(set.getValue().presence, field)).append(" |");
                }
                md.append('\n');
            }
        }
        md.append(variants());
        md.append(misses());
        md.append("\nMachine load during the runs (the box is shared with other sessions):\n\n");
        runs.forEach(run -> md.append("- ").append(run.engine()).append(": ").append(run.machineLoad()).append('\n'));
        return md.toString();
    }

    private String variants() {
        Map<String, Set<String>> variantsBySet = new LinkedHashMap<>();
        for (EngineRun run : runs) {
            run.sets().forEach((set, r) -> variantsBySet.computeIfAbsent(set, s -> new TreeSet<>())
                    .addAll(r.latenciesByVariant.keySet()));
        }
        StringBuilder md = new StringBuilder();
        for (Map.Entry<String, Set<String>> set : variantsBySet.entrySet()) {
            if (set.getValue().size() < 2) {
                continue;
            }
            md.append("\nPer variant, set ").append(set.getKey()).append(" (p50 ms; all fields exact / expected):\n\n")
                    .append("| variant | sides |");
            runs.forEach(run -> md.append(' ').append(run.engine()).append(" p50 | ").append(run.engine())
                    .append(" fields |"));
            md.append("\n|---|---|").append("---|---|".repeat(runs.size())).append('\n');
            for (String variant : set.getValue()) {
                md.append("| ").append(variant).append(" |");
                boolean first = true;
                for (EngineRun run : runs) {
                    SetResult r = run.sets().get(set.getKey());
                    Latencies latencies = r == null ? null : r.latenciesByVariant.get(variant);
                    if (first) {
                        md.append(' ').append(latencies == null ? 0 : latencies.count()).append(" |");
                        first = false;
                    }
                    if (latencies == null) {
                        md.append(" – | – |");
                        continue;
                    }
                    FieldTally tally = r.exactByVariant.get(variant);
                    md.append(String.format(" %.0f | %s |", latencies.percentileMillis(50),
                            tally.matchedTotal() + "/" + tally.expectedTotal()));
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    /** Per engine and set, the fields read wrong in each variant, with counts. */
    private String misses() {
        StringBuilder md = new StringBuilder("\nFields read wrong, per variant (field × count):\n\n");
        for (EngineRun run : runs) {
            run.sets().forEach((set, r) -> {
                Map<String, Map<String, Integer>> byVariant = new TreeMap<>();
                r.misses.forEach(miss -> byVariant.computeIfAbsent(miss.variant(), v -> new TreeMap<>())
                        .merge(miss.field().apiName(), 1, Integer::sum));
                md.append("- ").append(run.engine()).append(", ").append(set).append(": ");
                if (byVariant.isEmpty()) {
                    md.append("none");
                }
                List<String> parts = new ArrayList<>();
                byVariant.forEach((variant, fields) -> {
                    StringBuilder part = new StringBuilder(variant).append(' ');
                    fields.forEach((field, n) -> part.append(field).append('×').append(n).append(' '));
                    parts.add(part.toString().strip());
                });
                md.append(String.join("; ", parts)).append('\n');
            });
        }
        return md.toString();
    }

    /** The misses as TSV (engine, set, file, side, variant, field, error code) for looking at the images. */
    String missesTsv() {
        StringBuilder tsv = new StringBuilder("engine\tset\tfile\tside\tvariant\tfield\terror\n");
        for (EngineRun run : runs) {
            run.sets().forEach((set, r) -> r.misses.forEach(m -> tsv.append(String.join("\t", run.engine(), set,
                    m.file(), m.side().name(), m.variant(), m.field().apiName(),
                    m.errorCode() == null ? "" : m.errorCode())).append('\n')));
        }
        return tsv.toString();
    }

    private static String load(EngineRun run) {
        return String.format("%.0f ms%s", run.loadMillis(), run.loadNote().isEmpty() ? "" : " " + run.loadNote());
    }

    private static String rss(EngineRun run, SetResult r) {
        long kb = r.childPeakRssKb >= 0 ? r.childPeakRssKb : run.jvmPeakRssKb();
        return String.format("%.0f", kb / 1024.0);
    }

    private static String errors(Map<String, Integer> errors) {
        if (errors.isEmpty()) {
            return "0";
        }
        StringBuilder s = new StringBuilder();
        errors.forEach((code, n) -> s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(code));
        return s.toString();
    }

    private static String rate(FieldTally tally, FieldName field) {
        int expected = tally.expected(field);
        return expected == 0 ? "–" : tally.matched(field) + "/" + expected;
    }
}
