package io.idcardstream.engine.bench;

import io.idcardstream.engine.labels.CardLabels;
import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.ocr.CardSide;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The accuracy run (issue 10): every side of every image of each labelled set read through the public engine API,
 * one call at a time, scored field by field against its labels. Prints one summary line per set and writes the
 * Markdown report. A measurement, not a gate: exits 0 unless {@code --min-percent} asks for a floor that is missed.
 * Run by {@code bench/accuracy.sh}; single-threaded.
 */
@Command(name = "accuracy", mixinStandardHelpOptions = true,
        description = "Measure the local engine's field accuracy on labelled ID card image sets.")
public final class AccuracyBenchmark implements Callable<Integer> {

    /** The collected sets, at their place beside the project on every developer and CI machine. */
    static final Map<String, Path> SHARED_SETS = Map.of(
            "dev", Path.of("../shared/datasets/idcards-dev"),
            "dev2", Path.of("../shared/datasets/idcards-dev2"));

    @Option(names = "--sets", split = ",", defaultValue = "dev,dev2,easy,hard",
            description = "Sets to run, in order (default: ${DEFAULT-VALUE}); easy and hard need --set NAME=DIR.")
    List<String> names;

    @Option(names = "--set", description = "A set's folder (with labels.json), NAME=DIR; adds NAME to the run when"
            + " --sets does not list it.")
    Map<String, Path> folders = new LinkedHashMap<>();

    @Option(names = "--min-percent", description = "SET=P: exit 1 when SET reads fewer than P%% of its fields exactly.")
    Map<String, Double> floors = new LinkedHashMap<>();

    @Option(names = "--report", defaultValue = "target/bench/accuracy.md", description = "Markdown output.")
    Path report;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AccuracyBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Path> run = plan();
        List<SetAccuracy> results = new ArrayList<>();
        try (PublicApiReader reader = new PublicApiReader()) {
            warmUp(reader, run.values().iterator().next());
            for (Map.Entry<String, Path> set : run.entrySet()) {
                SetAccuracy result = measure(reader, set.getKey(), set.getValue());
                results.add(result);
                System.out.println(result.summaryLine());
            }
        }
        String header = "Run " + LocalDate.now() + " on " + MachineInfo.describe() + ", local engine with its defaults"
                + " (call deadline " + PublicApiReader.CALL_DEADLINE.toSeconds() + " s), one call at a time. Sets: "
                + String.join(", ", run.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList())
                + ".";
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, AccuracyReport.markdown(header, results));
        System.err.println("accuracy: report in " + report);
        return gate(results);
    }

    /** The sets to run, in order, each with its folder. */
    private Map<String, Path> plan() {
        List<String> order = new ArrayList<>(names);
        folders.keySet().stream().filter(name -> !order.contains(name)).forEach(order::add);
        Map<String, Path> run = new LinkedHashMap<>();
        for (String name : order) {
            Path folder = folders.getOrDefault(name, SHARED_SETS.get(name));
            if (folder == null) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "set " + name + " needs its folder: --set " + name + "=DIR");
            }
            if (!Files.isRegularFile(folder.resolve("labels.json"))) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "set " + name + " has no labels.json in " + folder.toAbsolutePath());
            }
            run.put(name, folder);
        }
        return run;
    }

    /** Two untimed calls, so the first timed one does not pay for loading code and first-use allocations. */
    private static void warmUp(PublicApiReader reader, Path folder) throws Exception {
        LabelledImage first = CardLabels.load(folder.resolve("labels.json")).get(0);
        CardSide side = first.expected().keySet().iterator().next();
        reader.read(first.file(), side);
        reader.read(first.file(), side);
    }

    private static SetAccuracy measure(PublicApiReader reader, String name, Path folder) throws Exception {
        Path labels = folder.resolve("labels.json");
        SetAccuracy result = new SetAccuracy(name, CardLabels.generated(labels));
        for (LabelledImage image : CardLabels.load(labels)) {
            result.addImage();
            for (CardSide side : List.of(CardSide.FRONT, CardSide.BACK)) {
                if (image.shows(side)) {
                    result.add(image, SideScore.of(image, side, reader.read(image.file(), side)));
                }
            }
        }
        return result;
    }

    private int gate(List<SetAccuracy> results) {
        int exit = 0;
        for (Map.Entry<String, Double> floor : floors.entrySet()) {
            SetAccuracy set = results.stream().filter(r -> r.name().equals(floor.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--min-percent names set " + floor.getKey()
                            + ", which did not run"));
            if (set.exactPercent() < floor.getValue()) {
                System.err.printf("accuracy: set %s read %.1f%% of its fields exactly, under the floor of %.1f%%%n",
                        set.name(), set.exactPercent(), floor.getValue());
                exit = 1;
            }
        }
        return exit;
    }
}
