package io.idcardstream.engine.bench;

import io.idcardstream.ocr.FieldName;
import java.util.List;
import java.util.Map;

/**
 * The accuracy run as Markdown: summary lines, per set the tables by capture condition, per field and by confidence,
 * overall calibration, and every miss by file, side, field and cause. Never a value: misses say how a reading went
 * wrong, not what it read. Stateless.
 */
final class AccuracyReport {

    private AccuracyReport() {
    }

    static String markdown(String header, List<SetAccuracy> sets) {
        StringBuilder md = new StringBuilder("# Accuracy\n\n").append(header).append("\n\n```\n");
        sets.forEach(set -> md.append(set.summaryLine()).append('\n'));
        md.append("```\n\n`conf90_exact`: of the fields the engine gave a confidence of at least 0.90, how many are"
                + " exact. `bad_format`: answers whose Birth or ValidDate is not in the API's format.\n");
        CalibrationBins overall = new CalibrationBins();
        sets.forEach(set -> overall.addAll(set.calibration()));
        md.append("\n## Calibration, all sets\n\n");
        calibration(md, overall);
        for (SetAccuracy set : sets) {
            md.append("\n## Set ").append(set.name()).append("\n\n").append(set.summaryLine()).append('\n');
            set.groups().forEach((dimension, groups) -> {
                md.append("\nBy ").append(dimension).append(":\n\n| ").append(dimension)
                        .append(" | sides | fields exact | % | misses per field |\n|---|---|---|---|---|\n");
                groups.forEach((key, g) -> md.append("| ").append(key).append(" | ").append(g.sides).append(" | ")
                        .append(g.exact).append('/').append(g.fields).append(" | ")
                        .append(SetAccuracy.percentText(g.exact, g.fields)).append(" | ").append(misses(g))
                        .append(" |\n"));
            });
            md.append("\nPer field:\n\n| field | fields | exact | % |\n|---|---|---|---|\n");
            for (Map.Entry<FieldName, SetAccuracy.Group> field : set.perField().entrySet()) {
                SetAccuracy.Group g = field.getValue();
                md.append("| ").append(field.getKey().apiName()).append(" | ").append(g.fields).append(" | ")
                        .append(g.exact).append(" | ").append(SetAccuracy.percentText(g.exact, g.fields))
                        .append(" |\n");
            }
            md.append("\nCalibration:\n\n");
            calibration(md, set.calibration());
            md.append("\nMisses (file, side, field, cause):\n\n");
            long misses = 0;
            for (SideScore side : set.sides()) {
                for (SideScore.FieldScore field : side.fields()) {
                    if (!field.exact()) {
                        md.append("- ").append(side.file()).append(' ').append(side.side()).append(' ')
                                .append(field.field().apiName()).append(": ").append(field.cause()).append('\n');
                        misses++;
                    }
                }
            }
            if (misses == 0) {
                md.append("none\n");
            }
        }
        return md.toString();
    }

    /** E.g. {@code Name×2 Address×1}, in the API's field order. */
    private static String misses(SetAccuracy.Group group) {
        StringBuilder text = new StringBuilder();
        group.misses.forEach((field, n) -> text.append(text.length() == 0 ? "" : " ").append(field.apiName())
                .append('×').append(n));
        return text.toString();
    }

    private static void calibration(StringBuilder md, CalibrationBins bins) {
        md.append("| confidence | fields | exact | % |\n|---|---|---|---|\n");
        for (CalibrationBins.Bin bin : bins.bins()) {
            md.append("| ").append(bin.label()).append(" | ").append(bin.fields()).append(" | ").append(bin.exact())
                    .append(" | ").append(SetAccuracy.percentText(bin.exact(), bin.fields())).append(" |\n");
        }
    }
}
