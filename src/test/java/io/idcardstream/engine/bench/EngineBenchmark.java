package io.idcardstream.engine.bench;

import io.idcardstream.engine.labels.CardLabels;
import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.ocr.CardSide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The engine benchmark of issue 3: each engine reads every side of every image of the dev set and of a synthetic
 * set, one call at a time after a warm-up, and the report gives load time, latency percentiles, CPU, peak RSS and
 * exact matches per field. Run by {@code bench/engine-bench.sh}; single-threaded.
 *
 * <p>Every call is also written as a {@link Sample} next to the report ({@code …-samples.tsv}). The script runs a
 * baseline engine (an older commit's, whose classes clash with the current ones) in a JVM of its own with a
 * {@code --label}, then this run with {@code --baseline-report} pointing at that JVM's report: this report then
 * compares the two (see {@link LatencyComparison}) and ends with the baseline's own.
 */
@Command(name = "engine-bench", mixinStandardHelpOptions = true,
        description = "Benchmark the local engine and Tesseract on labelled ID card images.")
public final class EngineBenchmark implements Callable<Integer> {

    /** Research note: waiting for >= 85% idle CPU before a run kept timings comparable on the shared box. */
    private static final double QUIET_IDLE = 0.85;

    @Option(names = "--dev", defaultValue = "../shared/datasets/idcards-dev",
            description = "Folder of the dev set with its labels.json (default: ${DEFAULT-VALUE}).")
    Path dev;

    @Option(names = "--synthetic", required = true, description = "Folder of a generated set with its labels.json.")
    Path synthetic;

    @Option(names = "--engines", split = ",", defaultValue = "local,local-1t,tesseract",
            description = "Engines to run, in order (default: ${DEFAULT-VALUE}).")
    List<String> engines;

    @Option(names = "--warmup", defaultValue = "10",
            description = "Untimed calls before measuring, so the JIT has compiled the hot paths (default: 10).")
    int warmup;

    @Option(names = "--tesseract-psm", defaultValue = "3", description = "Tesseract page segmentation mode.")
    int tesseractPsm;

    @Option(names = "--quiet-wait", defaultValue = "PT10M",
            description = "Longest wait for the shared machine to be 85% idle before each engine (default: 10 min).")
    Duration quietWait;

    @Option(names = "--report", defaultValue = "target/bench/engine-bench.md",
            description = "Markdown output; the misses and the samples go beside it (…-misses.tsv, …-samples.tsv).")
    Path report;

    @Option(names = "--label", defaultValue = "",
            description = "Added to every engine's name in parentheses, e.g. 'baseline f284aa1' (default: none).")
    String label;

    @Option(names = "--engine-commit", defaultValue = "",
            description = "The commit of the engine's classes, for the report's header (default: not said).")
    String engineCommit;

    @Option(names = "--baseline-report", description = "The report of a baseline run, with its …-samples.tsv beside"
            + " it: this report then compares the engines and ends with the baseline's.")
    Path baselineReport;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EngineBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<LabelledImage> devImages = CardLabels.load(dev.resolve("labels.json"));
        List<LabelledImage> syntheticImages = CardLabels.load(synthetic.resolve("labels.json"));
        Map<String, List<LabelledImage>> sets = new LinkedHashMap<>();
        sets.put("dev", devImages);
        sets.put("synthetic", syntheticImages.stream().filter(LabelledImage::readable).toList());
        List<LabelledImage> hard = syntheticImages.stream().filter(i -> !i.readable()).toList();
        if (!hard.isEmpty()) {
            sets.put("synthetic unreadable", hard);
        }
        List<Sample> baseline = baselineReport == null ? List.of()
                : SampleTsv.parse(Files.readString(beside(baselineReport, "-samples.tsv")));
        BenchReport results = new BenchReport();
        List<Sample> samples = new ArrayList<>();
        for (String name : engines) {
            double idle = MachineLoad.awaitQuiet(QUIET_IDLE, quietWait);
            double loadBefore = MachineLoad.loadAverage();
            BenchEngines.Loaded loaded = BenchEngines.load(name, tesseractPsm);
            try (BenchEngine engine = loaded.engine()) {
                String engineName = label.isEmpty() ? engine.name() : engine.name() + " (" + label + ")";
                for (LabelledImage image : syntheticImages.subList(0, Math.min(warmup, syntheticImages.size()))) {
                    engine.read(image, image.expected().keySet().iterator().next());
                }
                Map<String, SetResult> perSet = new LinkedHashMap<>();
                for (Map.Entry<String, List<LabelledImage>> set : sets.entrySet()) {
                    perSet.put(set.getKey(), run(engine, set.getValue(), (image, side, reading, nanos) ->
                            samples.add(Sample.of(name, engineName, set.getKey(), image, side, reading, nanos))));
                    System.err.println(engineName + ": " + set.getKey() + " done");
                }
                results.add(new BenchReport.EngineRun(engineName,
                        loaded.loadNanos() / 1e6, loaded.loadNote(), ProcessMemory.peakRssKb(), perSet,
                        String.format("idle %.0f%% at start, load average %.1f before and %.1f after", idle * 100,
                                loadBefore, MachineLoad.loadAverage())));
            }
        }
        String header = String.format("Run %s on %s.%s%nSets: dev = %d images (%s); synthetic = %d readable"
                        + " images%s (%s).", LocalDate.now(), MachineInfo.describe(),
                engineCommit.isEmpty() ? "" : " Engine at " + engineCommit + ".", devImages.size(), dev,
                sets.get("synthetic").size(), hard.isEmpty() ? "" : " + " + hard.size() + " unreadable", synthetic);
        String markdown = results.markdown(header) + LatencyComparison.markdown(samples, baseline);
        if (baselineReport != null) {
            markdown += "\n---\n\nThe baseline run's own report (" + baselineReport + "):\n\n"
                    + Files.readString(baselineReport);
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, markdown);
        Path misses = beside(report, "-misses.tsv");
        Files.writeString(misses, results.missesTsv());
        Path samplesFile = beside(report, "-samples.tsv");
        Files.writeString(samplesFile, SampleTsv.format(samples));
        System.err.println("misses per image: " + misses + "; every call: " + samplesFile);
        System.out.println(markdown);
        return 0;
    }

    /** Receives each timed call as it ends. */
    private interface CallSink {
        void accept(LabelledImage image, CardSide side, Reading reading, long wallNanos);
    }

    private static SetResult run(BenchEngine engine, List<LabelledImage> images, CallSink calls) throws Exception {
        SetResult result = new SetResult();
        for (LabelledImage image : images) {
            for (CardSide side : image.expected().keySet()) {
                long start = System.nanoTime();
                Reading reading = engine.read(image, side);
                long wallNanos = System.nanoTime() - start;
                result.add(image, side, reading, wallNanos);
                calls.accept(image, side, reading, wallNanos);
            }
        }
        return result;
    }

    /** E.g. {@code target/bench/engine-bench.md} and {@code -misses.tsv}: {@code …/engine-bench-misses.tsv}. */
    private static Path beside(Path markdown, String suffix) {
        String name = markdown.getFileName().toString();
        return markdown.resolveSibling((name.endsWith(".md") ? name.substring(0, name.length() - 3) : name) + suffix);
    }
}
