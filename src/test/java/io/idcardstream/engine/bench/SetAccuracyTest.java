package io.idcardstream.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetAccuracyTest {

    private static final CardFields FRONT = CardFields.front("李明", "男", "汉", "1987/1/1", "北京市东城区人民路1号",
            "110101198701010014");
    private static final CardFields BACK = CardFields.back("北京市公安局东城分局", "2010.07.21-2030.07.21");

    @Test
    void shouldSummariseASetOnOneLine() {
        // Given a set of three images: a front read exactly with high confidence, a back with a malformed date,
        // and a front whose call failed
        SetAccuracy set = new SetAccuracy("dev2", false);
        add(set, image("a.jpg", "photo", CardSide.FRONT, FRONT, Set.of()), CardSide.FRONT,
                answer(FRONT, 0.99f, 100));
        add(set, image("b.jpg", "scan", CardSide.BACK, BACK, Set.of()), CardSide.BACK,
                answer(BACK.with(FieldName.VALID_DATE, "2010.07.21-2030.7.21"), 0.95f, 300));
        add(set, image("c.jpg", "scan", CardSide.FRONT, FRONT, Set.of()), CardSide.FRONT,
                Answer.failed("FailedOperation.ImageBlur", 200_000_000));

        // When summarised
        String line = set.summaryLine();

        // Then counts, rates and nearest-rank latencies are on one line
        assertThat(line).isEqualTo("set=dev2 images=3 sides=3 fields_exact=7/14 (50.0%) sides_all_exact=1/3 errors=1"
                + " bad_format=1 conf90_exact=7/8 (87.5%) p50_ms=200 p95_ms=300");
    }

    @Test
    void shouldNotScoreFieldsTheLabelsOmit() {
        // Given a front whose name, sex and birth are omitted, read with other values there
        SetAccuracy set = new SetAccuracy("dev2", false);
        CardFields labelled = CardFields.front("", "", "汉", "", "北京市东城区人民路1号", "110101198701010014");
        add(set, image("both_03.png", "scan", CardSide.FRONT, labelled,
                Set.of(FieldName.NAME, FieldName.SEX, FieldName.BIRTH)), CardSide.FRONT, answer(FRONT, 0.99f, 100));

        // Then only the three labelled fields count, all exact
        assertThat(set.summaryLine()).startsWith("set=dev2 images=1 sides=1 fields_exact=3/3 (100.0%)"
                + " sides_all_exact=1/1");
    }

    @Test
    void shouldGroupCollectedSetsByCaptureAndTagAndGeneratedOnesByVariant() {
        // Given the same scored front in a collected set and in a generated set
        LabelledImage image = image("a.jpg", "photo", CardSide.FRONT, FRONT, Set.of());
        SetAccuracy collected = new SetAccuracy("dev", false);
        SetAccuracy generated = new SetAccuracy("hard", true);
        add(collected, image, CardSide.FRONT, answer(FRONT.with(FieldName.NAME, "李"), 0.5f, 1));
        add(generated, image, CardSide.FRONT, answer(FRONT, 0.5f, 1));

        // Then the collected set has capture and tag tables, the generated one a variant table
        assertThat(collected.groups().keySet()).containsExactly("capture", "tag");
        assertThat(collected.groups().get("tag").keySet()).containsExactly("handheld", "perspective");
        assertThat(collected.groups().get("capture").get("photo").exact).isEqualTo(5);
        assertThat(collected.groups().get("capture").get("photo").misses).isEqualTo(Map.of(FieldName.NAME, 1));
        assertThat(generated.groups().keySet()).containsExactly("variant");
        assertThat(generated.groups().get("variant").get("photo").exact).isEqualTo(6);
    }

    @Test
    void shouldListMissesWithTheirCausesButNeverTheValues() {
        // Given a front whose name lost a character and whose number was not read
        SetAccuracy set = new SetAccuracy("dev", false);
        add(set, image("a.jpg", "photo", CardSide.FRONT, FRONT, Set.of()), CardSide.FRONT,
                answer(FRONT.with(FieldName.NAME, "李").with(FieldName.ID_NUM, ""), 0.99f, 1));

        // When the report is written
        String markdown = AccuracyReport.markdown("header", List.of(set));

        // Then it names file, side, field and cause, and no value appears anywhere
        assertThat(markdown).contains("- a.jpg FRONT Name: dropped_chars(1)\n", "- a.jpg FRONT IdNum: missing\n",
                "| photo | 1 | 4/6 | 66.7% | Name×1 IdNum×1 |\n");
        assertThat(markdown).doesNotContain("李", "110101", "北京");
    }

    private static void add(SetAccuracy set, LabelledImage image, CardSide side, Answer answer) {
        set.addImage();
        set.add(image, SideScore.of(image, side, answer));
    }

    private static LabelledImage image(String file, String variant, CardSide side, CardFields expected,
            Set<FieldName> omitted) {
        return new LabelledImage(Path.of(file), 800, 600, variant, true, Map.of(side, 0), Map.of(side, expected),
                omitted, side == CardSide.FRONT ? Optional.of(true) : Optional.empty(),
                List.of("handheld", "perspective"));
    }

    private static Answer answer(CardFields fields, float confidence, long millis) {
        Map<FieldName, Float> evidence = new EnumMap<>(FieldName.class);
        for (FieldName field : FieldName.values()) {
            if (!fields.get(field).isEmpty()) {
                evidence.put(field, confidence);
            }
        }
        return new Answer(fields, evidence, null, millis * 1_000_000);
    }
}
